// Turns any user text into safe search terms: words only, never query syntax.

// Function words that carry no topic. Kept short on purpose: negations and quantifiers
// ("not", "no", "all") matter to fact-checking and stay searchable in passages.
const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how if in " +
    "into is it its of on or so such than that the their them then there these they this " +
    "those to was were what when where which while who whom why will with would you your"
  ).split(" "),
);

// A pasted article is not a query: past this many distinct terms, later ones add only cost.
const MAX_TERMS = 64;

// Words are runs of letters, digits and combining marks: the same characters SQLite's
// unicode61 tokenizer keeps, so a term never carries quotes, operators or parentheses.
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower-cased words of `text` in order of first appearance, without repeats. */
export function words(text: string): string[] {
  return [...new Set(text.toLowerCase().match(WORD) ?? [])];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * The terms to search for: the words minus stopwords, or all words when only stopwords
 * remain (a query like "to be or not to be" is still a query).
 */
export function queryTerms(text: string, options: { stopwords?: boolean } = {}): string[] {
  const all = words(text);
  const content = options.stopwords === false ? all : all.filter((w) => !STOPWORDS.has(w));
  return (content.length > 0 ? content : all).slice(0, MAX_TERMS);
}

/** An FTS5 MATCH expression that ORs the terms, each quoted as a literal string. */
export function ftsOrQuery(terms: readonly string[]): string {
  // Terms hold only word characters (see WORD), so quoting cannot be broken out of.
  return terms.map((t) => `"${t}"`).join(" OR ");
}

/** An FTS5 MATCH expression for each adjacent pair of terms occurring within `window` tokens. */
export function ftsNearPairs(terms: readonly string[], window: number): string {
  const pairs: string[] = [];
  for (let i = 1; i < terms.length; i++) {
    pairs.push(`NEAR("${terms[i - 1]}" "${terms[i]}", ${Math.max(0, Math.floor(window))})`);
  }
  return pairs.join(" OR ");
}
