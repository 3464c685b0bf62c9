// Which of a document's passages matches a query best, and where: computed in JS over the few
// passages of the documents shown, instead of one full-text query per document.
import { stemmer } from "stemmer";
import { WORD } from "./query-terms.js";

export interface Token {
  start: number;
  end: number;
  /** Lower-cased, diacritics removed, Porter-stemmed: as SQLite's `porter unicode61` indexes it. */
  stem: string;
}

/** The normalised stem of one word. */
export function stemWord(word: string): string {
  return stemmer(word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
}

/** The words of `text` with their offsets and stems. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({
      start: match.index,
      end: match.index + match[0].length,
      stem: stemWord(match[0]),
    });
  }
  return tokens;
}

export interface PassageMatch<P> {
  passage: P;
  /** BM25-style score of the passage for the query (0 when no query word occurs in it). */
  score: number;
  /** Character ranges of the passage's words that match a query word. */
  highlights: Array<[number, number]>;
}

const K1 = 1.2;
const B = 0.75;

/**
 * Scores each passage with BM25 over the query's stems (idf from the caller, document length
 * relative to these passages) and returns the best one; ties go to the earlier passage.
 */
export function bestPassage<P extends { text: string }>(
  passages: readonly P[],
  queryStems: ReadonlySet<string>,
  idf: (stem: string) => number,
): PassageMatch<P> | undefined {
  const tokenized = passages.map((p) => tokenize(p.text));
  const averageLength =
    tokenized.reduce((sum, t) => sum + t.length, 0) / Math.max(1, passages.length);
  let best: PassageMatch<P> | undefined;
  passages.forEach((passage, i) => {
    const tokens = tokenized[i] ?? [];
    const tf = new Map<string, number>();
    const highlights: Array<[number, number]> = [];
    for (const token of tokens) {
      if (!queryStems.has(token.stem)) continue;
      tf.set(token.stem, (tf.get(token.stem) ?? 0) + 1);
      highlights.push([token.start, token.end]);
    }
    const norm = K1 * (1 - B + (B * tokens.length) / Math.max(1, averageLength));
    let score = 0;
    for (const [stem, f] of tf) score += (idf(stem) * (f * (K1 + 1))) / (f + norm);
    if (!best || score > best.score) best = { passage, score, highlights };
  });
  return best;
}
