// Stage 1: what the user asked — a claim or a question, its key terms, entities and parts.
import type { Understander } from "../core/interfaces/understander.js";
import type { Claim, InputKind } from "../core/schema/claim.js";
import { claimSubject } from "../text/claim-subject.js";
import { checkableText, normalizeInput } from "../text/input.js";
import { detectLanguage } from "../text/language.js";
import { withoutMarkup } from "../text/markup.js";
import { analyze, type NlpToken } from "../text/nlp.js";
import { isStopword, words } from "../text/query-terms.js";
import { declarativeOf } from "../text/question-form.js";

const QUESTION_START =
  /^(how|what|when|where|which|who|whom|whose|why|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/i;

const DATED_ENTITY = new Set(["DATE", "TIME", "DURATION", "PERCENT", "MONEY"]);

const TERM_POS = new Set(["NOUN", "PROPN", "ADJ", "VERB", "NUM"]);

/** The offline understander: rules over wink-nlp's part-of-speech tags. */
export const rulesUnderstander: Understander = {
  id: "rules@1",
  async understand(text: string): Promise<Claim> {
    return understandText(text);
  },
};

/** The Claim for `text`; throws FactuallyError(BAD_INPUT) for text that cannot be checked. */
export function understandText(text: string): Claim {
  const trimmed = checkableText(text);
  const normalized = normalizeInput(trimmed);
  // Terms come from the words, not from markup pasted into the claim (tag names, attributes).
  const words = withoutMarkup(normalized) || normalized;
  const analysis = analyze(words);
  const kind = classify(normalized);
  const statement = kind === "question" ? statementOf(normalized) : undefined;
  const terms = keyTerms(words, analysis.tokens);
  return {
    kind,
    text: trimmed,
    normalized,
    // "How long…", "How many…": the question word says what is asked, not what it is about.
    keyTerms: kind === "question" ? terms.filter((t) => !isAskingWord(t, normalized)) : terms,
    entities: entities(analysis.tokens, analysis.entities),
    subClaims: kind === "claim" ? splitCompound(words) : [],
    ...(statement ? { statement } : {}),
    language: detectLanguage(trimmed).code,
  };
}

/** The statement a yes/no question asks about, its subject found as a claim's would be. */
function statementOf(question: string): string | undefined {
  const phrase = claimSubject(question)?.phrase;
  return declarativeOf(question, phrase ? phrase.split(/\s+/).filter(Boolean).length : undefined);
}

const ASKING = /^how\s+(long|many|much|often|far|soon|old|big|large|likely)\b/i;

/** Whether `term` is the word of a "how long / how many…" opening rather than the topic. */
function isAskingWord(term: string, question: string): boolean {
  const asked = ASKING.exec(question)?.[1]?.toLowerCase();
  return asked !== undefined && term === asked;
}

/** A question ends with "?" or opens with an interrogative word; anything else is a claim. */
export function classify(text: string): InputKind {
  return text.endsWith("?") || QUESTION_START.test(text) ? "question" : "claim";
}

/**
 * Content words, lower-cased, in order: the project's own word tokens (so "5G" and "COVID-19"
 * stay as the index sees them) minus stopwords and words wink-nlp tags as function words.
 */
function keyTerms(text: string, tokens: readonly NlpToken[]): string[] {
  const functionWords = new Set(
    tokens.filter((t) => !TERM_POS.has(t.pos) || t.stopWord).map((t) => t.text.toLowerCase()),
  );
  const contentWords = new Set(
    tokens.filter((t) => TERM_POS.has(t.pos) && !t.stopWord).map((t) => t.text.toLowerCase()),
  );
  return words(text).filter(
    (w) => !isStopword(w) && (contentWords.has(w) || !functionWords.has(w)),
  );
}

/**
 * Runs of proper nouns ("World Health Organization", "HSI") and wink-nlp's dates and amounts.
 * A lone capitalised first word ("Masks reduce…") is only sentence case, not a name.
 */
function entities(
  tokens: readonly NlpToken[],
  found: ReadonlyArray<{ value: string; type: string }>,
): string[] {
  const names: string[] = [];
  let run: string[] = [];
  let runStart = 0;
  const flush = () => {
    const name = run.join(" ");
    const sentenceCase =
      runStart === 0 && run.length === 1 && !/^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(name);
    if (name.length > 1 && !sentenceCase && !names.includes(name)) names.push(name);
    run = [];
  };
  tokens.forEach((token, i) => {
    const acronym = /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(token.text);
    if (token.pos === "PROPN" || acronym) {
      if (run.length === 0) runStart = i;
      run.push(token.text);
    } else flush();
  });
  flush();
  // Bare numbers are left out: wink-nlp cuts "5G" into "5" and "G".
  const values = found.filter((e) => DATED_ENTITY.has(e.type)).map((e) => e.value);
  for (const value of values) {
    const inLonger = values.some((v) => v !== value && v.includes(value));
    if (!inLonger && !names.includes(value)) names.push(value);
  }
  // A name that is part of a longer one ("March" in "March 2020") adds nothing.
  return names.filter((n) => !names.some((m) => m !== n && m.split(" ").includes(n)));
}

/**
 * Parts of a compound claim joined by ";" or "and" between two clauses (each with a verb);
 * a right part that starts with its verb borrows the left part's subject. [] when simple.
 */
export function splitCompound(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split(/\s*;\s*/)) {
    let rest = piece.replace(/[.!]+$/, "").trim();
    for (;;) {
      const split = splitAtClauseAnd(rest);
      if (!split) break;
      parts.push(split[0]);
      rest = split[1];
    }
    if (rest) parts.push(rest);
  }
  const clean = parts.map((p) => p.replace(/^[,\s]+|[,\s]+$/g, "")).filter((p) => p.length > 0);
  return clean.length > 1 ? clean : [];
}

function splitAtClauseAnd(text: string): [string, string] | undefined {
  for (const match of text.matchAll(/,?\s+and\s+/gi)) {
    const left = text.slice(0, match.index);
    const right = text.slice(match.index + match[0].length);
    const leftTokens = analyze(left).tokens;
    const rightTokens = analyze(right).tokens;
    if (!hasVerb(leftTokens) || !hasVerb(rightTokens) || rightTokens.length < 2) continue;
    const first = rightTokens[0];
    if (first && (first.pos === "VERB" || first.pos === "AUX")) {
      return [left, `${subjectOf(leftTokens)} ${right}`.trim()];
    }
    return [left, right];
  }
  return undefined;
}

function hasVerb(tokens: readonly NlpToken[]): boolean {
  return tokens.some((t) => t.pos === "VERB" || (t.pos === "AUX" && t.lemma !== "be"));
}

/** The words before the first verb: the subject of a simple clause. */
function subjectOf(tokens: readonly NlpToken[]): string {
  const firstVerb = tokens.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
  return tokens
    .slice(0, Math.max(0, firstVerb))
    .map((t) => t.text)
    .join(" ");
}
