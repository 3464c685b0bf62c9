// The default check: local corpus, the trained stance model, extractive writing — no network.
import { createStanceAssessor, type StancePredictor } from "../assess/stance-assessor.js";
import type { Store } from "../core/interfaces/store.js";
import { templatePlanner } from "../pipeline/plan.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { rulesUnderstander } from "../pipeline/understand.js";
import { lexicalVerifier } from "../pipeline/verify.js";
import { extractiveWriter } from "../pipeline/write.js";
import { CorpusReader } from "../read/corpus-reader.js";
import { LocalSearchProvider } from "../search/local-provider.js";
import { loadStanceModel } from "../stance/model.js";

let stanceModel: StancePredictor | undefined;

/** Every stage offline over `store`'s corpus; the stance model is loaded once per process. */
export function offlineCheckDependencies(
  store: Store,
  options: { stanceModel?: StancePredictor } = {},
): CheckDependencies {
  stanceModel ??= options.stanceModel ?? loadStanceModel();
  return {
    providers: [new LocalSearchProvider(store)],
    readers: [new CorpusReader(store)],
    understander: rulesUnderstander,
    planner: templatePlanner,
    assessor: createStanceAssessor(options.stanceModel ?? stanceModel),
    writer: extractiveWriter,
    verifier: lexicalVerifier,
  };
}
