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
// pair-features-4: the claim's subject skips "Says", a leading adverbial and speaker pronouns.
export const FEATURE_PIPELINE = "pair-features-4";

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

/** Pairs whose features a weights file records, so that a changed pipeline is caught. */
export const FEATURE_PROBES: readonly StanceInput[] = [
  {
    claim: "Face masks reduce the spread of COVID-19.",
    text: "Face masks did not reduce the spread of COVID-19 in the trial.",
  },
  {
    claim: "Hydroxychloroquine cures COVID-19 in most patients.",
    text: "CONCLUSIONS However, the results of this study do not support its use in patients admitted to hospital with covid-19 who require oxygen.",
    context: {
      title: "Hydroxychloroquine in patients admitted to hospital with COVID-19 (HCQ)",
      section: "conclusions",
      subjectFound: "title",
    },
  },
  {
    claim: "Vitamin C cures COVID-19.",
    text: "BACKGROUND: We aimed to assess vitamin D supplementation in 1,000 adults.",
    context: { title: "Vitamin D and COVID-19", section: "background", subjectFound: "nowhere" },
  },
  {
    claim: "Gastric infection with Helicobacter pylori decreases risk of gastric cancer.",
    text: "The odds ratio for gastric cancer was 2.77 (95% confidence interval 1.04 to 7.97).",
    context: { title: "H pylori and gastric cancer", section: "results", subjectFound: "passage" },
  },
  {
    claim: "France cancelled the visas of Pakistani citizens.",
    text: "No. The French embassy said no visas were cancelled.",
    context: { title: "Has France cancelled Pakistani citizens' visas?" },
  },
  {
    claim: "Smoking is healthier than walking, faster and better.",
    text: "Walking is better and slower, 5G and 2019.",
  },
];
