// The one feature pipeline of the stance model: what the trees see of a (claim, text) pair and
// its context. Training and prediction both go through here, and a weights file records the
// pipeline version it was trained with, so that a change here cannot go unnoticed.
import { CONTEXT_FEATURE_NAMES, contextFeatures, type StanceContext } from "./context-features.js";
import { FEATURE_NAMES, stanceFeatures } from "./features.js";
import type { AnalyzedText } from "./text-analysis.js";

/** Every feature the pipeline computes, in order; a model uses these or a subset by name. */
export const PAIR_FEATURE_NAMES = [...FEATURE_NAMES, ...CONTEXT_FEATURE_NAMES] as const;

export type PairFeatureName = (typeof PAIR_FEATURE_NAMES)[number];

/**
 * The version of the feature pipeline. Change it whenever a feature's value for some input
 * changes (a word list, a tokenizer, a sentence splitter); the committed weights must then be
 * retrained (`npm run train:stance`), and model.test.ts fails until they are.
 */
export const FEATURE_PIPELINE = "pair-features-3";

/** A pair to score: the claim, the text, and what is known of where the text comes from. */
export interface StanceInput {
  claim: string;
  text: string;
  context?: StanceContext;
}

/** All PAIR_FEATURE_NAMES of one pair; `analysed` memoises the analysis of repeated texts. */
export function pairFeatures(
  input: StanceInput,
  analysed: (text: string) => AnalyzedText,
  idf: (stem: string) => number,
): number[] {
  const claim = analysed(input.claim);
  const text = analysed(input.text);
  const context = input.context ?? {};
  const title = context.title ? analysed(context.title) : undefined;
  return [
    ...stanceFeatures(claim, text, idf),
    ...contextFeatures(input.claim, input.text, claim, text, title, context, idf),
  ];
}
