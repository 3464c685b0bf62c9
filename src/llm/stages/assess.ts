// The model-backed assessor: one model call per source, in parallel within the model's
// concurrency limit. A source whose call fails, or whose quote is not in its passages, keeps
// its offline assessment; the stage falls back as a whole only if no source was assessed.
import type { AssessInput, Assessor } from "../../core/interfaces/assessor.js";
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { SourceAssessment } from "../../core/schema/source-assessment.js";
import { citeList } from "../../pipeline/write.js";
import { assessPrompt } from "../prompts/assess.js";
import {
  ask,
  modelOrOffline,
  modelStageId,
  reasonOf,
  type StageModel,
} from "./model-or-offline.js";
import { findQuote } from "./quotes.js";

export function modelAssessor(model: StageModel, offline: Assessor): Assessor {
  return {
    id: modelStageId(model, assessPrompt),
    async assess(
      input: AssessInput,
      signal?: AbortSignal,
      run?: StageRun,
    ): Promise<SourceAssessment[]> {
      const fallback = await offline.assess(input, signal);
      return modelOrOffline({
        stage: "assess",
        model,
        run,
        signal,
        offline: async () => fallback,
        async withModel(s, r) {
          const failed = new Map<number, string>();
          const results = await Promise.all(
            input.sources.map(async (source, i): Promise<SourceAssessment | undefined> => {
              const passages = input.passages.filter((p) => p.sourceN === source.n);
              const offlineOne = fallback[i];
              if (passages.length === 0) return offlineOne;
              try {
                const out = await ask(
                  model,
                  assessPrompt,
                  { claim: input.claim, source, passages },
                  r,
                  s,
                );
                const found = findQuote(passages, out.quote);
                if (out.stance !== "irrelevant" && !found) {
                  failed.set(source.n, "its quote is not in the source's passages");
                  return offlineOne;
                }
                // The quote as the source wrote it, not as the model retyped it.
                return { sourceN: source.n, ...out, quote: found?.text ?? out.quote.trim() };
              } catch (error) {
                if (s.aborted) throw error;
                failed.set(source.n, reasonOf(error));
                return offlineOne;
              }
            }),
          );
          if (failed.size === input.sources.length && failed.size > 0) {
            throw new Error([...failed.values()][0]);
          }
          if (failed.size > 0) {
            const reasons = [...new Set(failed.values())].join("; ");
            r.fellBack(`for ${citeList([...failed.keys()])}: ${reasons}`);
          }
          return results.map((a, i) => a ?? (fallback[i] as SourceAssessment));
        },
      });
    },
  };
}
