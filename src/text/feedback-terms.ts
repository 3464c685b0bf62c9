// Pseudo-relevance feedback: words that the best-ranked documents share, to widen a query.
import { stemmer } from "stemmer";
import { isStopword, WORD } from "./query-terms.js";

export interface FeedbackDocument {
  text: string;
  /** Retrieval score; better documents weigh more. */
  score: number;
}

export interface FeedbackOptions {
  terms: number;
  /** Documents in the collection, and the document frequency of a stemmed term. */
  collectionSize: number;
  documentFrequency: (stem: string) => number;
}

/**
 * Expansion words in the spirit of RM3 (Lavrenko & Croft 2001; Abdul-Jaleel et al. 2004):
 * each word's share of each feedback document, weighted by the document's score and by idf,
 * leaving out the query's own stems. Returns surface words (the most frequent form of each
 * stem), so the search index stems them exactly as it stemmed the documents.
 */
export function feedbackTerms(
  query: readonly string[],
  documents: readonly FeedbackDocument[],
  options: FeedbackOptions,
): string[] {
  const queryStems = new Set(query.map((w) => stemmer(w)));
  const best = Math.max(...documents.map((d) => d.score), Number.MIN_VALUE);
  const weight = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const doc of documents) {
    const tokens = (doc.text.toLowerCase().match(WORD) ?? []).filter(isUseful);
    if (tokens.length === 0) continue;
    const tf = new Map<string, number>();
    for (const token of tokens) {
      const stem = stemmer(token);
      tf.set(stem, (tf.get(stem) ?? 0) + 1);
      const f = forms.get(stem) ?? new Map<string, number>();
      f.set(token, (f.get(token) ?? 0) + 1);
      forms.set(stem, f);
    }
    for (const [stem, count] of tf) {
      weight.set(stem, (weight.get(stem) ?? 0) + (count / tokens.length) * (doc.score / best));
    }
  }
  const scored: Array<[string, number]> = [];
  for (const [stem, w] of weight) {
    if (queryStems.has(stem)) continue;
    const df = options.documentFrequency(stem);
    // A stem the index does not know was stemmed differently by us: skip rather than guess.
    if (df === 0) continue;
    const idf = Math.log(1 + (options.collectionSize - df + 0.5) / (df + 0.5));
    scored.push([stem, w * idf]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, options.terms).map(([stem]) => mostFrequentForm(forms.get(stem)));
}

function isUseful(token: string): boolean {
  return token.length > 2 && !/^\d+$/.test(token) && !isStopword(token);
}

function mostFrequentForm(forms: Map<string, number> | undefined): string {
  let best = "";
  let count = -1;
  for (const [form, n] of forms ?? []) {
    if (n > count || (n === count && form < best)) [best, count] = [form, n];
  }
  return best;
}
