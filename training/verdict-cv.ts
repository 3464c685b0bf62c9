// The cross-validated predictions tune:verdict searches over: a stance model trained without
// each fold of the train claims (the same recipe and mix as the shipped one) reads that fold's
// selected passages. One idf table over all pairs (unsupervised word statistics).
import { join } from "node:path";
import type { StancePredictor } from "../dist/assess/stance-assessor.js";
import { loadAveritec } from "../dist/data/averitec-data.js";
import { AVERITEC_SCHEME, LIAR_SCHEME } from "../dist/data/label-mappings.js";
import { loadLiarPlus } from "../dist/data/liar-plus-data.js";
import type { GbdtParams } from "../dist/stance/gbdt.js";
import { createStanceModel } from "../dist/stance/model.js";
import { featurizePairs, fitStanceWeights, learnStanceIdf } from "./train.ts";
import { loadTrainingSet, type TrainingMix, trainClaims } from "./training-set.ts";
import {
  FOLDS,
  foldOf,
  memoised,
  type PreparedClaim,
  prepareClaims,
  prepareVerificationSet,
} from "./verdict-tuning.ts";

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
  const sourceWeights = options.mix ?? (await import("./training-set.ts")).DEFAULT_MIX;
  const models: StancePredictor[] = [];
  for (let k = 0; k < folds; k++) {
    const keep = training.pairs.flatMap((p, i) => (foldOf(p.group, folds) === k ? [] : [i]));
    const weights = fitStanceWeights(
      keep.map((i) => training.pairs[i] as (typeof training.pairs)[number]),
      keep.map((i) => rows[i] ?? []),
      idf,
      { params: options.params, sourceWeights, version: `fold-${k}`, data: [] },
    );
    models.push(memoised(createStanceModel(weights)));
    log(`fold ${k + 1} of ${folds}: trained on ${keep.length} pairs`);
  }
  const modelOf = (r: { claim: { group: string } }): StancePredictor => {
    const model = models[foldOf(r.claim.group, folds)];
    if (!model) throw new Error(`no model for the fold of ${r.claim.group}`);
    return model;
  };
  return [
    ...prepareClaims("scifact", claims.scifact.retrieved, modelOf),
    ...prepareClaims("check-covid", claims.checkCovid.retrieved, modelOf),
  ];
}

/**
 * The train parts of the real-world sets the shipped model never learns from (LIAR-PLUS,
 * research use; AVeriTeC, CC BY-NC: tuning only), read with the committed model: the settings
 * must suit real-world claims, not only the two scientific sets.
 */
export async function realWorldTrainClaims(
  dataDir: string,
  model: StancePredictor,
  log: (message: string) => void = () => {},
): Promise<PreparedClaim[]> {
  log("searching and reading the LIAR-PLUS and AVeriTeC train parts");
  return [
    ...(await prepareVerificationSet(
      "liar-plus",
      loadLiarPlus(join(dataDir, "liar-plus"), "train"),
      LIAR_SCHEME,
      model,
    )),
    ...(await prepareVerificationSet(
      "averitec",
      loadAveritec(join(dataDir, "averitec-subset"), "train"),
      AVERITEC_SCHEME,
      model,
    )),
  ];
}
