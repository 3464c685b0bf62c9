// The checkable facts of a sentence — numbers (with percentages), years and dates, and names —
// and which of them a set of passages does not contain: a deterministic test of invented facts
// that does not depend on a model's own judgement of its writing.

/** A number or name as the sentence wrote it, and the form it is compared in. */
export interface FactToken {
  kind: "number" | "name";
  /** As written, e.g. `99 %`, `COVID-19`. */
  text: string;
  /** Compared form, e.g. `99%`, `covid19`. */
  key: string;
}

export interface FactOptions {
  /**
   * Whether capitalised words count as names. Right for English; not for German (every noun is
   * capitalised) or for a report written in another language than its sources (names are
   * translated), so callers turn it on for English only.
   */
  names: boolean;
}

// One match is a number (thousands separators, decimals, a percent sign or word after it) or a
// word (letters first; digits, hyphens and apostrophes inside: COVID-19, H1N1, Pfizer's).
const TOKEN =
  /(\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(\s?%|\s?per\s?cent\b|\s?percent\b)?|(\p{L}[\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}\p{M}]+)*)/gu;

// A word starts a sentence (and so may be capitalised without being a name) when only these
// stand between it and the start, the previous sentence's end, a colon or an opening quote.
const OPENERS = /(?:^\s*|[.!?:]\s+|["“‘']\s*)$/u;

/** Numbers and (with `names`) names that `text` states, citation marks such as `[2]` aside. */
export function factTokens(text: string, options: FactOptions): FactToken[] {
  const clean = text.normalize("NFKC").replace(/\s*\[\d+\]/g, "");
  const out: FactToken[] = [];
  for (const m of clean.matchAll(TOKEN)) {
    const [whole, digits, percent, word] = m;
    if (digits !== undefined) {
      // A number glued to letters (10mg, 1990s, 5G) is still that number.
      out.push({ kind: "number", text: whole.trim(), key: numberKey(digits, percent) });
      continue;
    }
    if (word === undefined || !options.names) continue;
    const name = withoutPossessive(word);
    if (!isName(name, OPENERS.test(clean.slice(0, m.index)))) continue;
    out.push({ kind: "name", text: name, key: nameKey(name) });
  }
  return out;
}

/**
 * The facts of `sentence` that none of `evidence` contains, as the sentence wrote them, each
 * once. A percentage needs the same percentage; a bare number matches with or without one. A
 * name matches case-insensitively, except that an acronym of up to three letters (WHO, US) must
 * not match an all-lower-case word (who, us).
 */
export function missingFacts(
  sentence: string,
  evidence: readonly string[],
  options: FactOptions,
): string[] {
  const wanted = factTokens(sentence, options);
  if (wanted.length === 0) return [];
  const seen = evidenceKeys(evidence);
  const missing = wanted.filter((t) => !found(t, seen)).map((t) => t.text);
  return [...new Set(missing)];
}

interface EvidenceKeys {
  numbers: Set<string>;
  /** Every word's key, and every two adjacent words' joined key (COVID 19 = COVID-19). */
  words: Set<string>;
  /** The same for words with a capital letter in them. */
  capitalised: Set<string>;
}

function evidenceKeys(evidence: readonly string[]): EvidenceKeys {
  const keys: EvidenceKeys = { numbers: new Set(), words: new Set(), capitalised: new Set() };
  for (const text of evidence) {
    let previous: { key: string; capital: boolean } | undefined;
    for (const m of text.normalize("NFKC").matchAll(TOKEN)) {
      const [whole, digits, percent, word] = m;
      const isNumber = digits !== undefined;
      const key = isNumber ? numberKey(digits, percent) : nameKey(word ?? whole);
      if (isNumber) keys.numbers.add(key);
      const capital = /\p{Lu}/u.test(whole);
      const bare = isNumber ? key.replace(/%$/, "") : key;
      keys.words.add(bare);
      if (capital) keys.capitalised.add(bare);
      if (previous) {
        keys.words.add(previous.key + bare);
        if (capital || previous.capital) keys.capitalised.add(previous.key + bare);
      }
      previous = { key: bare, capital };
    }
  }
  return keys;
}

function found(token: FactToken, seen: EvidenceKeys): boolean {
  if (token.kind === "number") {
    return token.key.endsWith("%")
      ? seen.numbers.has(token.key)
      : seen.numbers.has(token.key) || seen.numbers.has(`${token.key}%`);
  }
  const shortAcronym = /^\p{Lu}{2,3}$/u.test(token.text);
  return (shortAcronym ? seen.capitalised : seen.words).has(token.key);
}

/** Whether a word reads as a name: not a single letter, and capitalised where a word need not be. */
function isName(word: string, startsSentence: boolean): boolean {
  if ([...word].length < 2) return false;
  // Capitals or digits after the first character: WHO, COVID-19, mRNA, McDonald, H1N1.
  if (/\p{Lu}|\p{N}/u.test(word.slice(1))) return true;
  return !startsSentence && /^\p{Lu}/u.test(word);
}

/** `1,200` → `1200`, `03` → `3`, `2,5` → `2.5`, `99 %` / `99 percent` → `99%`. */
function numberKey(digits: string, percent: string | undefined): string {
  const thousands = /^\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?$/.test(digits);
  let value = thousands ? digits.replace(/[,\u00a0\u202f]/g, "") : digits.replace(",", ".");
  value = value.replace(/^0+(?=\d)/, "");
  if (value.includes(".")) value = value.replace(/\.?0+$/, "");
  return percent ? `${value}%` : value;
}

function nameKey(word: string): string {
  return withoutPossessive(word)
    .toLowerCase()
    .replace(/['’\-.]/g, "");
}

function withoutPossessive(word: string): string {
  return word.replace(/['’]s?$/u, "");
}
