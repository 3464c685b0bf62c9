// Features of a (claim, text) pair for the stance model: how related the text is (overall and in
// its best sentences) and cues of its stance (refuting, hedging, negation, antonyms, numbers).
import {
  AGREE_CUES,
  ANTONYMS,
  DOWN_CUES,
  HEDGE_CUES,
  REFUTE_CUES,
  REPORT_CUES,
  UP_CUES,
} from "./cue-words.js";
import { type AnalyzedText, type AnalyzedWord, cosine } from "./text-analysis.js";

/** The feature names, in the order `stanceFeatures` returns them. */
export const FEATURE_NAMES = [
  // relatedness
  "cosine",
  "cosine_best_sentence",
  "cosine_lead",
  "coverage",
  "coverage_idf",
  "coverage_idf_best_sentence",
  "coverage_idf_lead",
  "bigram_coverage",
  "char4_coverage",
  "related_sentence_share",
  "best_sentence_position",
  "max_idf_missing",
  "rare_missing",
  "claim_length",
  "text_length",
  "sentence_count",
  // stance cues
  "refute_text",
  "refute_top",
  "refute_claim",
  "hedge_text",
  "hedge_top",
  "hedge_claim",
  "report_text",
  "agree_text",
  "agree_top",
  "negation_claim",
  "negation_top",
  "negation_near_match",
  "negation_parity_differs",
  "antonym_top",
  "antonym_text",
  "claim_has_number",
  "number_match_share",
  "number_mismatch_top",
  "year_mismatch",
  "claim_question",
  // contrast between the claim and the text's best-matching sentence
  "negation_best_near",
  "negation_parity_best",
  "antonym_best",
  "direction_claim",
  "direction_best",
  "direction_conflict",
  "polarity_product",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

// How many best-matching sentences count as the text's "top" for stance cues.
const TOP_SENTENCES = 3;
// A claim stem with idf above this is a rare, topical word: its absence suggests another topic.
const RARE_IDF = 5;

/** The feature vector of a claim and a text (both analysed with the same idf). */
export function stanceFeatures(
  claim: AnalyzedText,
  text: AnalyzedText,
  idf: (stem: string) => number,
): number[] {
  const claimStems = [...claim.weights.keys()];
  const idfTotal = claimStems.reduce((s, stem) => s + idf(stem), 0) || 1;
  const coverIdf = (weights: Map<string, number>) =>
    claimStems.reduce((s, stem) => s + (weights.has(stem) ? idf(stem) : 0), 0) / idfTotal;

  const sentences = text.sentences.map((sentence, i) => ({
    sentence,
    i,
    cover: coverIdf(sentence.weights),
    cosine: cosine(claim, sentence),
  }));
  const ranked = [...sentences].sort(
    (a, b) => b.cover - a.cover || b.cosine - a.cosine || a.i - b.i,
  );
  const best = ranked[0];
  const top = ranked.slice(0, TOP_SENTENCES).filter((s) => s.cover > 0);
  const topWords = top.flatMap((s) => text.words.slice(s.sentence.from, s.sentence.to));
  const lead = sentences.slice(0, 2);

  const textStems = text.weights;
  const missing = claimStems.filter((stem) => !textStems.has(stem)).map(idf);
  const claimBigrams = [...claim.bigrams];
  const claimGrams = [...claim.charGrams];
  const totalWords = Math.max(1, text.words.length);
  const claimNumbers = [...claim.numbers];
  const topText = new Set(topWords.map((w) => w.stem));
  const topNumbers = numbersOf(topWords);
  const claimDigits = [...numbersOf(claim.words)];

  const negClaim = count(claim.words, (w) => w.negation);
  const negTop = count(topWords, (w) => w.negation);
  const bestWords =
    best && best.cover > 0 ? text.words.slice(best.sentence.from, best.sentence.to) : [];
  const bestStems = new Set(bestWords.filter((w) => w.content).map((w) => w.stem));
  const negBest = countNegationsNear(bestWords, claim.weights);
  // Negations in the claim that bear on words the text shares (or any, for a short claim).
  const negClaimNear = countNegationsNear(claim.words, bestStems);
  const dirClaim = direction(claim.words);
  const dirBest = direction(bestWords);
  const polarity = (dir: number, negations: number) =>
    (dir === 0 ? 1 : dir) * (negations % 2 === 0 ? 1 : -1);

  return [
    cosine(claim, text),
    best?.cosine ?? 0,
    Math.max(0, ...lead.map((s) => s.cosine)),
    claimStems.length === 0
      ? 0
      : claimStems.filter((s) => textStems.has(s)).length / claimStems.length,
    coverIdf(textStems),
    best?.cover ?? 0,
    Math.max(0, ...lead.map((s) => s.cover)),
    share(claimBigrams, (b) => text.bigrams.has(b)),
    share(claimGrams, (g) => text.charGrams.has(g)),
    sentences.length === 0 ? 0 : count(sentences, (s) => s.cover >= 0.3) / sentences.length,
    best && sentences.length > 1 ? best.i / (sentences.length - 1) : 0,
    Math.max(0, ...missing),
    count(missing, (x) => x > RARE_IDF),
    Math.log1p(claim.words.length),
    Math.log1p(text.words.length),
    Math.log1p(text.sentences.length),
    (100 * count(text.words, (w) => REFUTE_CUES.has(w.stem))) / totalWords,
    count(topWords, (w) => REFUTE_CUES.has(w.stem)),
    count(claim.words, (w) => REFUTE_CUES.has(w.stem)),
    (100 * count(text.words, (w) => HEDGE_CUES.has(w.stem))) / totalWords,
    count(topWords, (w) => HEDGE_CUES.has(w.stem)),
    count(claim.words, (w) => HEDGE_CUES.has(w.stem)),
    (100 * count(text.words, (w) => REPORT_CUES.has(w.stem))) / totalWords,
    (100 * count(text.words, (w) => AGREE_CUES.has(w.stem))) / totalWords,
    count(topWords, (w) => AGREE_CUES.has(w.stem)),
    negClaim,
    negTop,
    negationsNearMatches(text.words, claim.weights),
    top.length > 0 && negClaim % 2 !== negTop % 2 ? 1 : 0,
    count(claimStems, (s) => hasAntonymIn(s, topText)),
    count(claimStems, (s) => hasAntonymIn(s, textStems)),
    claimNumbers.length > 0 ? 1 : 0,
    claimNumbers.length === 0 ? 0 : share(claimNumbers, (n) => text.numbers.has(n)),
    claimDigits.length > 0 && topNumbers.size > 0 && !claimDigits.some((n) => topNumbers.has(n))
      ? 1
      : 0,
    claim.years.size > 0 && text.years.size > 0 && ![...claim.years].some((y) => text.years.has(y))
      ? 1
      : 0,
    claim.question ? 1 : 0,
    negBest,
    bestWords.length > 0 && negClaimNear % 2 !== negBest % 2 ? 1 : 0,
    count(claimStems, (s) => hasAntonymIn(s, bestStems)),
    dirClaim,
    dirBest,
    dirClaim * dirBest < 0 ? 1 : 0,
    bestWords.length === 0 ? 0 : polarity(dirClaim, negClaimNear) * polarity(dirBest, negBest),
  ];
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : count(items, test) / items.length;
}

function hasAntonymIn(stem: string, stems: { has(stem: string): boolean }): boolean {
  const opposites = ANTONYMS.get(stem);
  if (!opposites || stems.has(stem)) return false;
  for (const o of opposites) if (stems.has(o)) return true;
  return false;
}

// A negation within this many words of a claim word is read as negating it.
const NEGATION_WINDOW = 4;

/** Negations within a few words of a word the claim also uses, per 100 words of the text. */
function negationsNearMatches(words: readonly AnalyzedWord[], claim: Map<string, number>): number {
  return (100 * countNegationsNear(words, claim)) / Math.max(1, words.length);
}

/** How many negations fall within a few words of a word whose stem is in `anchor`. */
function countNegationsNear(
  words: readonly AnalyzedWord[],
  anchor: { has(stem: string): boolean },
): number {
  let n = 0;
  words.forEach((w, i) => {
    if (!w.negation) return;
    for (let j = Math.max(0, i - NEGATION_WINDOW); j <= i + NEGATION_WINDOW; j++) {
      const other = words[j];
      if (j !== i && other && anchor.has(other.stem)) {
        n++;
        return;
      }
    }
  });
  return n;
}

/** +1 when the words say something goes up, -1 when down, 0 when neither or both. */
function direction(words: readonly AnalyzedWord[]): number {
  const up = count(words, (w) => UP_CUES.has(w.stem));
  const down = count(words, (w) => DOWN_CUES.has(w.stem));
  return Math.sign(up - down);
}

function numbersOf(words: readonly AnalyzedWord[]): Set<string> {
  return new Set(words.filter((w) => /^\d+$/.test(w.word)).map((w) => w.word));
}
