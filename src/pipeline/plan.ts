// Stage 2: the searches — a neutral query, one looking for support, one looking for criticism,
// each steered by the angle a fact-checker would take on this kind of claim (plan-angles.ts).
import type { Planner } from "../core/interfaces/planner.js";
import { detachedStageRun, type StageRun } from "../core/interfaces/stage-run.js";
import type { Claim } from "../core/schema/claim.js";
import type { PlannedQuery, QueryPlan } from "../core/schema/query-plan.js";
import { withoutMarkup } from "../text/markup.js";
import { type BoundedQuery, boundNote, boundQuery } from "../text/query-length.js";
import { queryTerms, words } from "../text/query-terms.js";
import { asWritten } from "../text/sentence-case.js";
import { anglesFor } from "./plan-angles.js";

// A query longer than this is a paste, not a search; the first terms carry the topic.
const MAX_CORE_TERMS = 12;

/** The offline planner: deterministic templates over the claim's entities and key terms. */
export const templatePlanner: Planner = {
  id: "templates@2",
  async plan(claim: Claim, _signal?: AbortSignal, run?: StageRun): Promise<QueryPlan> {
    return planQueries(claim, run);
  },
};

/**
 * At least three queries (neutral, supporting, critical), plus one per sub-claim; words too long
 * to search for are shortened, with a note on `run`.
 */
export function planQueries(claim: Claim, run: StageRun = detachedStageRun("plan")): QueryPlan {
  const bounded: BoundedQuery[] = [];
  const bound = (text: string) => {
    const b = boundQuery(text);
    bounded.push(b);
    return b.text;
  };
  const core = coreTerms(claim);
  const angles = anglesFor(claim);
  const queries: PlannedQuery[] = [
    { text: bound(core), intent: "neutral" },
    { text: bound(`${core} ${angles.supporting}`), intent: "supporting" },
    { text: bound(`${core} ${angles.critical}`), intent: "critical" },
  ];
  for (const part of claim.subClaims) {
    const text = bound(coreTerms({ ...claim, keyTerms: queryTerms(part), entities: [] }, part));
    if (text && !queries.some((q) => q.text === text)) queries.push({ text, intent: "neutral" });
  }
  const note = boundNote(bounded);
  if (note) run.note(note);
  return { queries, planner: templatePlanner.id };
}

/** Entities first, then the other key terms, as the input writes them ("5G"), without repeats. */
function coreTerms(claim: Claim, fallback = claim.normalized): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (term: string) => {
    const key = term.toLowerCase();
    if (seen.has(key)) return;
    for (const w of words(term)) seen.add(w);
    seen.add(key);
    out.push(term);
  };
  for (const entity of claim.entities) add(entity);
  // Search is case-blind; the casing is for the reader of "Searched for:".
  for (const term of claim.keyTerms) add(asWritten(term, fallback));
  // Words the tagger did not count as key terms ("not", "only", "less") still narrow a search.
  for (const term of queryTerms(withoutMarkup(fallback) || fallback)) add(term);
  const text = out.slice(0, MAX_CORE_TERMS).join(" ");
  return text || fallback.slice(0, 200);
}
