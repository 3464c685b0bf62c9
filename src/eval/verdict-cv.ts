// The cross-validated predictions tune:verdict searches over: a stance model trained without
// each fold of the train claims (the same recipe and mix as the shipped one) reads that fold's
// selected passages. One idf table over all pairs (unsupervised word statistics).

import type { StancePredictor } from "../assess/stance-assessor.js";
import type { GbdtParams } from "../stance/gbdt.js";
import { createStanceModel } from "../stance/model.js";
import { featurizePairs, fitStanceWeights, learnStanceIdf } from "../stance/train.js";
import { loadTrainingSet, type TrainingMix, trainClaims } from "../stance/training-set.js";
import { FOLDS, foldOf, memoised, type PreparedClaim, prepareClaims } from "./verdict-tuning.js";

export interface CrossValidationOptions {
  mix?: TrainingMix;
  params: GbdtParams;
  folds?: number;
  log?: (message: string) => void;
}

/** Every SciFact train and Check-COVID train claim, prepared with the model of its fold. */
export async function crossValidatedClaims(
  dataDir: string,
  options: CrossValidationOptions,
): Promise<PreparedClaim[]> {
  const log = options.log ?? (() => {});
  const folds = options.folds ?? FOLDS;
  const claims = await trainClaims(dataDir, log);
  const training = await loadTrainingSet(dataDir, 1, {
    log,
    claims,
    ...(options.mix ? { mix: options.mix } : {}),
  });
  const idf = learnStanceIdf(training.pairs);
  const rows = featurizePairs(training.pairs, idf);
  log(`features of ${rows.length} pairs computed`);
  const models: StancePredictor[] = [];
  for (let k = 0; k < folds; k++) {
    const keep = training.pairs.flatMap((p, i) => (foldOf(p.group, folds) === k ? [] : [i]));
    const weights = fitStanceWeights(
      keep.map((i) => training.pairs[i] as (typeof training.pairs)[number]),
      keep.map((i) => rows[i] ?? []),
      idf,
      {
        params: options.params,
        ...(options.mix ? { sourceWeights: options.mix } : {}),
        version: `fold-${k}`,
        data: [],
      },
    );
    models.push(memoised(createStanceModel(weights)));
    log(`fold ${k + 1} of ${folds}: trained on ${keep.length} pairs`);
  }
  const modelOf = (group: string) => models[foldOf(group, folds)] ?? models[0];
  return [
    ...prepareClaims("scifact", claims.scifact.retrieved, (r) => modelOf(r.claim.group) as never),
    ...prepareClaims(
      "check-covid",
      claims.checkCovid.retrieved,
      (r) => modelOf(r.claim.group) as never,
    ),
  ];
}
