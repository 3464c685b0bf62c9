// The default check: local corpus, the trained stance model, extractive writing — no network.
import { createStanceAssessor, type StancePredictor } from "../assess/stance-assessor.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import { templatePlanner } from "../pipeline/plan.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { rulesUnderstander } from "../pipeline/understand.js";
import { createFramingVerifier } from "../pipeline/verify.js";
import { extractiveWriter } from "../pipeline/write.js";
import { CorpusReader } from "../read/corpus-reader.js";
import { LocalSearchProvider } from "../search/local-provider.js";
import { loadStanceModel } from "../stance/model.js";

let defaultStanceModel: StancePredictor | undefined;

function committedStanceModel(): StancePredictor {
  defaultStanceModel ??= loadStanceModel();
  return defaultStanceModel;
}

/** Every stage offline over `corpus`; the stance model is loaded once per process. */
export function offlineCheckDependencies(
  corpus: CorpusStore,
  options: { stanceModel?: StancePredictor } = {},
): CheckDependencies {
  // A model passed in serves this call only; the committed one is loaded once and kept.
  const stanceModel = options.stanceModel ?? committedStanceModel();
  return {
    providers: [new LocalSearchProvider(corpus)],
    readers: [new CorpusReader(corpus)],
    understander: rulesUnderstander,
    planner: templatePlanner,
    assessor: createStanceAssessor(stanceModel),
    writer: extractiveWriter,
    verifier: createFramingVerifier(createStanceAssessor(stanceModel)),
  };
}
