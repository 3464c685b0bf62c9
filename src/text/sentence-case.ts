// Words as the writer wrote them, minus the capital that only starts a sentence: "Masks reduce…"
// becomes "masks reduce…" inside another sentence, while "Eiffel Tower", "WHO", "5G",
// "COVID-19" and "mRNA" stay as they are.
import { isKnownWord } from "./nlp.js";
import { isStopword } from "./query-terms.js";

// Capitalised only at the start: one capital, then lower-case letters.
const SENTENCE_CASE = /^\p{Lu}\p{Ll}+$/u;
const TITLE_CASE_NEXT = /^\s+\p{Lu}\p{Ll}/u;

/**
 * `text` as it reads inside a sentence: its first word lower-cased when that word's capital is
 * only sentence case. A name keeps it: a word followed by another capitalised word ("Bill
 * Gates", "Eiffel Tower"), and a word the lexicon knows only capitalised or not at all
 * ("China", "Paris"). Every other word is kept as written.
 */
export function inSentence(text: string): string {
  const first = /^[\p{L}\p{N}'’-]+/u.exec(text)?.[0];
  if (!first || !SENTENCE_CASE.test(first)) return text;
  const lower = first.toLowerCase();
  const rest = text.slice(first.length);
  if (isStopword(lower) || ARTICLES.has(lower)) return lower + rest;
  if (TITLE_CASE_NEXT.test(rest)) return text;
  return isKnownWord(lower) && !isKnownWord(first) ? lower + rest : text;
}

/**
 * `term` (any case, e.g. a lower-cased key term) as `text` writes it: "5g" in "5G spreads…" is
 * "5G", "masks" in "Masks reduce…" is "masks"; `term` itself when `text` does not contain it.
 */
export function asWritten(term: string, text: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").exec(text);
  if (!match) return term;
  return match.index === 0 ? inSentence(text).slice(0, match[0].length) : match[0];
}

// Words that open a sentence and are never names ("The WHO…", "A trial…").
const ARTICLES = new Set(["the", "a", "an", "this", "these", "those", "some", "most", "many"]);
