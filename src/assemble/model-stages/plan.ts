// The model-backed planner: the model's queries, in the input's language, kept balanced — an
// intent the model left out is filled from the templates.
import type { Planner } from "../../core/interfaces/planner.js";
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { Claim } from "../../core/schema/claim.js";
import type { PlannedQuery, QueryPlan } from "../../core/schema/query-plan.js";
import { planPrompt } from "../../llm/prompts/plan.js";
import { boundNote, boundQuery } from "../../text/query-length.js";
import { ask, modelOrOffline, modelStageId, type StageModel } from "./model-or-offline.js";

const MAX_QUERIES = 8;

export function modelPlanner(model: StageModel, offline: Planner): Planner {
  const id = modelStageId(model, planPrompt);
  return {
    id,
    async plan(claim: Claim, signal?: AbortSignal, run?: StageRun): Promise<QueryPlan> {
      return modelOrOffline({
        stage: "plan",
        model,
        run,
        signal,
        offline: () => offline.plan(claim, signal),
        async withModel(s, r) {
          const out = await ask(model, planPrompt, { claim }, r, s);
          const bounded = out.queries.map((q) => ({ ...boundQuery(q.text), intent: q.intent }));
          const note = boundNote(bounded);
          if (note) r.note(note);
          const queries = distinct(bounded).slice(0, MAX_QUERIES);
          const missing = (["neutral", "supporting", "critical"] as const).filter(
            (intent) => !queries.some((q) => q.intent === intent),
          );
          if (missing.length > 0) {
            const templates = await offline.plan(claim, signal, r);
            // Make room first: a balanced plan matters more than the model's last query.
            queries.splice(MAX_QUERIES - missing.length);
            for (const intent of missing) {
              const q = templates.queries.find((t) => t.intent === intent);
              if (q) queries.push(q);
            }
            r.note(`the model planned no ${missing.join(" or ")} query; added the template's`);
          }
          return { queries: distinct(queries).slice(0, MAX_QUERIES), planner: id };
        },
      });
    },
  };
}

function distinct(queries: readonly PlannedQuery[]): PlannedQuery[] {
  const seen = new Set<string>();
  const out: PlannedQuery[] = [];
  for (const q of queries) {
    const text = q.text.replace(/\s+/g, " ").trim();
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intent: q.intent });
  }
  return out;
}
