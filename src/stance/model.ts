// The offline stance model: loads the trained weights and predicts how a text stands towards a
// claim (agree, disagree, discuss, unrelated) with probabilities.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FactuallyError } from "../core/errors.js";
import type { StanceContext } from "./context-features.js";
import { type GbdtModel, predictGbdt } from "./gbdt.js";
import { idfOf } from "./idf.js";
import { STANCE_LABELS, type StanceProbabilities } from "./labels.js";
import { PAIR_FEATURE_NAMES, pairFeatures, type StanceInput } from "./pair-features.js";
import { memoizedAnalyzer } from "./text-analysis.js";
import { type StanceWeights, stanceWeightsSchema } from "./weights.js";

export interface StanceModel {
  /** The weights' version, e.g. `stance-gbdt-1`. */
  readonly id: string;
  readonly weights: StanceWeights;
  /**
   * `id#` and 12 hex digits of a SHA-256 of the trees: two trainings under one version name
   * (a new recipe, new data) differ here, so settings fitted for one are known stale on another.
   */
  readonly fingerprint: string;
  /** Probabilities of the four stances of `text` towards `claim` (they sum to 1). */
  predict(claim: string, text: string, context?: StanceContext): StanceProbabilities;
  /** Many pairs at once; texts repeated across pairs are analysed once. */
  predictMany(pairs: ReadonlyArray<StanceInput>): StanceProbabilities[];
}

/** The committed weights, found relative to this module (works from src and from dist). */
export const DEFAULT_STANCE_WEIGHTS = new URL("../../models/stance.json", import.meta.url);

/** Reads and checks a weights file (default: the committed `models/stance.json`). */
export function loadStanceModel(path: string | URL = DEFAULT_STANCE_WEIGHTS): StanceModel {
  const file = typeof path === "string" ? path : fileURLToPath(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new FactuallyError("BAD_CONFIG", `cannot read the stance model ${file}`, {
      cause,
      target: file,
    });
  }
  const parsed = stanceWeightsSchema.safeParse(json);
  if (!parsed.success) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${file} is not a stance weights file: ${parsed.error.message}`,
      {
        target: file,
      },
    );
  }
  return createStanceModel(parsed.data);
}

/** A model over weights already in memory. */
export function createStanceModel(weights: StanceWeights): StanceModel {
  const idf = idfOf(weights.idf);
  const columns = weights.features.map((name) => {
    const i = (PAIR_FEATURE_NAMES as readonly string[]).indexOf(name);
    if (i < 0)
      throw new FactuallyError("BAD_CONFIG", `the stance model uses unknown feature ${name}`);
    return i;
  });
  const gbdt: GbdtModel = {
    classes: STANCE_LABELS.length,
    base: weights.base,
    trees: weights.trees.map((round) =>
      round.map(([feature, value, left]) => ({ feature, value, left })),
    ),
  };
  const score = (input: StanceInput, analysed: ReturnType<typeof memoizedAnalyzer>) => {
    const all = pairFeatures(input, analysed, idf);
    const p = predictGbdt(
      gbdt,
      columns.map((i) => all[i] ?? 0),
    );
    return { agree: p[0] ?? 0, disagree: p[1] ?? 0, discuss: p[2] ?? 0, unrelated: p[3] ?? 0 };
  };
  // Hashing the trees costs ~8 ms; only tuning and the settings test ask, so not at load.
  let fingerprint: string | undefined;
  return {
    id: weights.version,
    get fingerprint() {
      fingerprint ??= `${weights.version}#${createHash("sha256")
        .update(JSON.stringify([weights.base, weights.trees]))
        .digest("hex")
        .slice(0, 12)}`;
      return fingerprint;
    },
    weights,
    predict: (claim, text, context) =>
      score({ claim, text, ...(context ? { context } : {}) }, memoizedAnalyzer(idf)),
    predictMany(pairs) {
      const analysed = memoizedAnalyzer(idf);
      return pairs.map((p) => score(p, analysed));
    },
  };
}
