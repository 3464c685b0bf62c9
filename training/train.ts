// Trains the stance model: learns the idf table, computes features for labelled pairs and fits
// the boosted trees. Deterministic: the same pairs and options give the same weights.

import { type GbdtParams, type RoundHook, trainGbdt } from "../dist/stance/gbdt.js";
import { type IdfTable, idfOf, learnIdf } from "../dist/stance/idf.js";
import { STANCE_LABELS } from "../dist/stance/labels.js";
import {
  FEATURE_PIPELINE,
  FEATURE_PROBES,
  PAIR_FEATURE_NAMES,
  type PairFeatureName,
  pairFeatures,
} from "../dist/stance/pair-features.js";
import { memoizedAnalyzer } from "../dist/stance/text-analysis.js";
import type { StanceWeights } from "../dist/stance/weights.js";
import type { LabelledPair } from "./science-data.ts";

export interface StanceTrainingOptions {
  params: GbdtParams;
  /** The features to use (default: all of PAIR_FEATURE_NAMES). */
  features?: readonly PairFeatureName[];
  /** A weight per data source (default 1): how much each pair counts in the loss. */
  sourceWeights?: Partial<Record<LabelledPair["source"], number>>;
  version: string;
  data: StanceWeights["training"]["data"];
  selection?: StanceWeights["training"]["selection"];
  onRound?: RoundHook;
}

/** The idf table over the distinct claims and texts of the training pairs. */
export function learnStanceIdf(pairs: readonly LabelledPair[]): IdfTable {
  const texts = new Set<string>();
  for (const p of pairs) {
    texts.add(p.claim);
    texts.add(p.text);
  }
  return learnIdf([...texts]);
}

/** All features (PAIR_FEATURE_NAMES order) of each pair; repeated texts are analysed once. */
export function featurizePairs(pairs: readonly LabelledPair[], table: IdfTable): number[][] {
  const idf = idfOf(table);
  const analysed = memoizedAnalyzer(idf);
  return pairs.map((p) => pairFeatures(p, analysed, idf));
}

/** Fits the trees on precomputed feature rows and packs everything into a weights file. */
export function fitStanceWeights(
  pairs: readonly LabelledPair[],
  rows: ReadonlyArray<readonly number[]>,
  idf: IdfTable,
  options: StanceTrainingOptions,
): StanceWeights {
  const features = options.features ?? PAIR_FEATURE_NAMES;
  const columns = features.map((f) => PAIR_FEATURE_NAMES.indexOf(f));
  const model = trainGbdt(
    {
      rows: rows.map((r) => columns.map((c) => r[c] ?? 0)),
      labels: pairs.map((p) => STANCE_LABELS.indexOf(p.label)),
      weights: pairs.map((p) => options.sourceWeights?.[p.source] ?? 1),
    },
    STANCE_LABELS.length,
    options.params,
    options.onRound,
  );
  return {
    format: "factually-stance-gbdt",
    version: options.version,
    labels: [...STANCE_LABELS],
    features: [...features],
    training: {
      data: options.data,
      hyperParameters: {
        ...options.params,
        ...Object.fromEntries(
          Object.entries(options.sourceWeights ?? {}).map(([k, v]) => [`weight_${k}`, v]),
        ),
      },
      selection: options.selection ?? {},
    },
    idf,
    featurePipeline: FEATURE_PIPELINE,
    probes: probeFeatures(idf),
    base: model.base.map((b) => Number(b.toPrecision(6))),
    trees: model.trees.map((round) => round.map((t) => [t.feature, t.value, t.left])),
  };
}

/** Learns idf, features and trees from labelled pairs in one call. */
export function trainStanceModel(
  pairs: readonly LabelledPair[],
  options: StanceTrainingOptions,
): StanceWeights {
  const idf = learnStanceIdf(pairs);
  return fitStanceWeights(pairs, featurizePairs(pairs, idf), idf, options);
}

/** The features of FEATURE_PROBES under `table`, rounded as stored. */
export function probeFeatures(table: IdfTable): NonNullable<StanceWeights["probes"]> {
  const idf = idfOf(table);
  const analysed = memoizedAnalyzer(idf);
  return FEATURE_PROBES.map((p) => ({
    ...p,
    features: pairFeatures(p, analysed, idf).map((x) => Number(x.toPrecision(9))),
  }));
}
