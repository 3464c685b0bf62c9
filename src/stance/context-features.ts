// Features of where a text sits and what it is about: its document's title, its section of a
// structured abstract, whether it names the claim's subject, and the claim–text contrasts a
// bag of words misses (a negative result against a claim of benefit, better vs poorer, faster
// vs slower).
import type { SubjectFound } from "../core/schema/document.js";
import { isAimSentence, type SectionKind } from "../text/abstract-sections.js";
import {
  type ClaimSubject,
  claimSubject,
  mentionsSubject,
  termKeys,
} from "../text/claim-subject.js";
import {
  claimsBenefit,
  ratioDirection,
  reportsNegativeResult,
  riskDirection,
} from "../text/result-phrasing.js";
import { type AnalyzedText, type AnalyzedWord, cosine } from "./text-analysis.js";

/** Where a passage comes from: what the pipeline knows beyond its text. */
export interface StanceContext {
  /** The title of the passage's document (or the question a QA answer replies to). */
  title?: string;
  /** Its part of a structured abstract. */
  section?: SectionKind;
  /** Where its document names the claim's subject (select finds it in the whole document). */
  subjectFound?: SubjectFound;
}

export const CONTEXT_FEATURE_NAMES = [
  "section_code",
  "aim_sentence",
  "claim_has_subject",
  "subject_in_text",
  "subject_in_title",
  "subject_in_document",
  "title_coverage_idf",
  "title_cosine",
  "title_negation_parity",
  "title_direction_product",
  "negative_result_text",
  "claim_benefit",
  "negative_result_against_benefit",
  "valence_claim",
  "valence_text",
  "valence_conflict",
  "comparative_conflict",
  "hedge_sentence",
  "short_text",
  "ratio_direction_text",
  "risk_direction_claim",
  "effect_conflict",
  "effect_agree",
  "answer_yes",
  "answer_no",
] as const;

const SECTION_CODE: Record<SectionKind, number> = {
  background: 1,
  objective: 2,
  methods: 3,
  results: 4,
  conclusions: 5,
  funding: 6,
  other: 7,
};

// Words of a good or bad outcome: "better outcomes" against "poor prognosis".
const GOOD = new Set(
  termKeys(
    "better improved improvement good favorable favourable beneficial benefit protective protects " +
      "survival survive effective success successful safe safer superior healthy recovery " +
      "recover relief",
  ),
);
const BAD = new Set(
  termKeys(
    "worse poor poorer worsened impaired adverse unfavorable unfavourable harmful harm detrimental " +
      "death deaths mortality failure ineffective unsafe inferior toxic toxicity damage " +
      "deterioration severe",
  ),
);

// Pairs of comparatives that point opposite ways.
const COMPARATIVES: ReadonlyArray<readonly [string, string]> = [
  ["faster", "slower"],
  ["more", "less"],
  ["more", "fewer"],
  ["higher", "lower"],
  ["greater", "smaller"],
  ["greater", "lesser"],
  ["larger", "smaller"],
  ["longer", "shorter"],
  ["earlier", "later"],
  ["better", "worse"],
  ["stronger", "weaker"],
  ["increased", "decreased"],
  ["increase", "decrease"],
  ["above", "below"],
  ["older", "younger"],
  ["superior", "inferior"],
  ["gain", "loss"],
];
const OPPOSITE_COMPARATIVE = new Map<string, Set<string>>();
for (const [a, b] of COMPARATIVES) {
  const [ka, kb] = [termKeys(a)[0] ?? a, termKeys(b)[0] ?? b];
  OPPOSITE_COMPARATIVE.set(ka, new Set([...(OPPOSITE_COMPARATIVE.get(ka) ?? []), kb]));
  OPPOSITE_COMPARATIVE.set(kb, new Set([...(OPPOSITE_COMPARATIVE.get(kb) ?? []), ka]));
}

const HEDGES = new Set(
  termKeys(
    "may might could possibly perhaps suggest suggests potential potentially likely unclear",
  ),
);

const subjects = new Map<string, ClaimSubject | undefined>();

/** The claim's subject, remembered per claim text (the same claim is scored many times). */
export function subjectOf(claim: string): ClaimSubject | undefined {
  if (!subjects.has(claim)) {
    if (subjects.size > 5000) subjects.clear();
    subjects.set(claim, claimSubject(claim));
  }
  return subjects.get(claim);
}

/** The context features (CONTEXT_FEATURE_NAMES order). */
export function contextFeatures(
  claimText: string,
  text: string,
  claim: AnalyzedText,
  analysedText: AnalyzedText,
  title: AnalyzedText | undefined,
  context: StanceContext,
  idf: (stem: string) => number,
): number[] {
  const subject = subjectOf(claimText);
  const inText = subject ? mentionsSubject(subject, text) : false;
  const inTitle = subject && context.title ? mentionsSubject(subject, context.title) : false;
  const found = context.subjectFound;
  const inDocument =
    found === undefined ? inText || inTitle : found !== "nowhere" || inText || inTitle;
  const claimStems = [...claim.weights.keys()];
  const idfTotal = claimStems.reduce((s, stem) => s + idf(stem), 0) || 1;
  const titleCover = title
    ? claimStems.reduce((s, stem) => s + (title.weights.has(stem) ? idf(stem) : 0), 0) / idfTotal
    : 0;
  const claimKeys = termKeys(claimText);
  const textKeys = termKeys(text);
  const negativeResult = reportsNegativeResult(text) ? 1 : 0;
  const benefit = claimsBenefit(claimText) ? 1 : 0;
  const ratio = ratioDirection(text);
  const risk = riskDirection(claimText);
  const valenceClaim = valence(claimKeys);
  const valenceText = valence(textKeys);
  return [
    context.section ? SECTION_CODE[context.section] : 0,
    isAimSentence(text) ? 1 : 0,
    subject ? 1 : 0,
    inText ? 1 : 0,
    inTitle ? 1 : 0,
    inDocument ? 1 : 0,
    titleCover,
    title ? cosine(claim, title) : 0,
    title ? negationParity(claim.words, title.words) : 0,
    title ? direction(claim.words) * direction(title.words) : 0,
    negativeResult,
    benefit,
    negativeResult * benefit * (inText || inTitle ? 1 : 0),
    valenceClaim,
    valenceText,
    valenceClaim * valenceText < 0 ? 1 : 0,
    comparativeConflict(claimKeys, textKeys),
    textKeys.some((k) => HEDGES.has(k)) ? 1 : 0,
    analysedText.words.length <= 40 ? 1 : 0,
    ratio,
    risk,
    ratio * risk < 0 ? 1 : 0,
    ratio * risk > 0 ? 1 : 0,
    // A short answer to a question that restates the claim: "Q: Did France cancel…? A: No."
    context.title?.trim().endsWith("?") && /^\s*yes\b/i.test(text) ? 1 : 0,
    context.title?.trim().endsWith("?") && /^\s*no\b/i.test(text) ? 1 : 0,
  ];
}

function valence(keys: readonly string[]): number {
  let good = 0;
  let bad = 0;
  for (const k of keys) {
    if (GOOD.has(k)) good++;
    if (BAD.has(k)) bad++;
  }
  return Math.sign(good - bad);
}

function comparativeConflict(claim: readonly string[], text: readonly string[]): number {
  const inText = new Set(text);
  for (const k of claim) {
    const opposites = OPPOSITE_COMPARATIVE.get(k);
    if (!opposites || inText.has(k)) continue;
    for (const o of opposites) if (inText.has(o)) return 1;
  }
  return 0;
}

function negationParity(a: readonly AnalyzedWord[], b: readonly AnalyzedWord[]): number {
  const count = (words: readonly AnalyzedWord[]) => words.filter((w) => w.negation).length;
  return count(a) % 2 !== count(b) % 2 ? 1 : 0;
}

const UP = new Set(
  termKeys(
    "increase increases increased higher more greater raise raises raised elevated promote promotes enhance enhances induce induces",
  ),
);
const DOWN = new Set(
  termKeys(
    "decrease decreases decreased lower reduce reduces reduced less fewer inhibit inhibits suppress suppresses prevent prevents protect protects impair impairs",
  ),
);

function direction(words: readonly AnalyzedWord[]): number {
  let up = 0;
  let down = 0;
  for (const w of words) {
    const k = termKeys(w.word)[0] ?? "";
    if (UP.has(k)) up++;
    if (DOWN.has(k)) down++;
  }
  return Math.sign(up - down);
}
