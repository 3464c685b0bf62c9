// One pass over a claim or a source text: words, stems, sentences, weighted term vectors,
// n-grams and numbers, computed once so that many pairs can share them.

import { tokenize } from "../text/passage-match.js";
import { isStopword } from "../text/query-terms.js";
import { splitSentences } from "../text/sentences.js";
import { isNegation } from "./cue-words.js";

export interface AnalyzedWord {
  word: string;
  stem: string;
  /** Not a stopword and not a lone digit string. */
  content: boolean;
  negation: boolean;
  start: number;
}

export interface AnalyzedSentence {
  /** Index range into `words`. */
  from: number;
  to: number;
  /** tf-idf weight of each content stem. */
  weights: Map<string, number>;
  norm: number;
}

export interface AnalyzedText {
  words: AnalyzedWord[];
  sentences: AnalyzedSentence[];
  weights: Map<string, number>;
  norm: number;
  bigrams: Set<string>;
  charGrams: Set<string>;
  numbers: Set<string>;
  years: Set<string>;
  /** Whether the text asks a question (a headline with "?" tends to be discussed, not settled). */
  question: boolean;
}

/** The words of `text` with stems and flags. */
export function analyzeWords(text: string): AnalyzedWord[] {
  const out: AnalyzedWord[] = [];
  let previous: string | undefined;
  for (const token of tokenize(text)) {
    const word = text.slice(token.start, token.end).toLowerCase();
    out.push({
      word,
      stem: token.stem,
      content: !isStopword(word) && !/^\d+$/.test(word) && word.length > 1,
      negation: isNegation(word, previous),
      start: token.start,
    });
    previous = word;
  }
  return out;
}

/** Analyses `text` with the idf of the trained model. */
export function analyzeText(text: string, idf: (stem: string) => number): AnalyzedText {
  const words = analyzeWords(text);
  const sentences: AnalyzedSentence[] = [];
  let w = 0;
  for (const span of splitSentences(text)) {
    const from = w;
    while (w < words.length && (words[w]?.start ?? 0) < span.end) w++;
    if (w > from) sentences.push({ from, to: w, ...weigh(words.slice(from, w), idf) });
  }
  const content = words.filter((x) => x.content).map((x) => x.stem);
  const bigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) bigrams.add(`${content[i - 1]} ${content[i]}`);
  return {
    words,
    sentences,
    ...weigh(words, idf),
    bigrams,
    charGrams: charGrams(text, 4),
    numbers: new Set(text.match(NUMBER)?.map((n) => n.replaceAll(",", "")) ?? []),
    years: new Set(text.match(YEAR) ?? []),
    question: text.includes("?"),
  };
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const YEAR = /\b(?:19|20)\d\d\b/g;

/** Sublinear tf times idf over the content stems, and the vector's length. */
function weigh(
  words: readonly AnalyzedWord[],
  idf: (stem: string) => number,
): { weights: Map<string, number>; norm: number } {
  const tf = new Map<string, number>();
  for (const x of words) if (x.content) tf.set(x.stem, (tf.get(x.stem) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [stem, n] of tf) {
    const weight = (1 + Math.log(n)) * idf(stem);
    weights.set(stem, weight);
    sum += weight * weight;
  }
  return { weights, norm: Math.sqrt(sum) };
}

function charGrams(text: string, n: number): Set<string> {
  const clean = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + n <= clean.length; i++) grams.add(clean.slice(i, i + n));
  return grams;
}

/** Cosine of two weighted vectors. */
export function cosine(
  a: { weights: Map<string, number>; norm: number },
  b: { weights: Map<string, number>; norm: number },
): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [stem, weight] of small.weights) dot += weight * (large.weights.get(stem) ?? 0);
  return dot / (a.norm * b.norm);
}

/** `analyzeText` remembering its answers: texts repeated across pairs are analysed once. */
export function memoizedAnalyzer(idf: (stem: string) => number): (text: string) => AnalyzedText {
  const cache = new Map<string, AnalyzedText>();
  return (text) => {
    let analysed = cache.get(text);
    if (!analysed) {
      analysed = analyzeText(text, idf);
      cache.set(text, analysed);
    }
    return analysed;
  };
}
