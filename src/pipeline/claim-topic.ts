// What a claim or question is about, as words that fit inside another sentence: its subject
// ("masks", "5G", "the Eiffel Tower"), the noun phrases around its other words, and whether it
// is a clause at all ("eiffel tower" is not). Used by the follow-up questions.
import type { Claim } from "../core/schema/claim.js";
import { analyze, type NlpToken } from "../text/nlp.js";
import { inSentence } from "../text/sentence-case.js";

export interface ClaimParts {
  /** The subject noun phrase as written (sentence case removed), or another noun phrase. */
  topic: string;
  /** Whether a verb was found: the claim can follow "dispute that …". */
  hasVerb: boolean;
  /** The noun phrase of the claim that contains `term` (a key term), or undefined. */
  phraseOf(term: string): string | undefined;
}

const WH = new Set(["how", "what", "when", "where", "which", "who", "whom", "whose", "why"]);
const AUX = new Set(
  "is are was were be been am do does did can could should would will shall may might must has have had".split(
    " ",
  ),
);
const NOUNISH = new Set(["NOUN", "PROPN", "NUM", "SYM", "X"]);
const NOUN = new Set(["NOUN", "PROPN"]);
// Words that frame a claim rather than make it: the topic is in the clause that follows.
const FRAME =
  /^(?:there (?:is|are|was|were)(?: no| little| some| strong| clear| good)? (?:evidence|proof|data|doubt)(?: that)?|it is (?:true|false|known|proven|a fact) that|(?:studies|research|science|scientists|experts) (?:show|shows|prove|proves|say|says|have shown|has shown) that)\s+/i;
// Articles and demonstratives read with a noun phrase ("the Eiffel Tower"); not "that", which
// more often opens a clause.
const ARTICLE = new Set(["the", "a", "an", "this", "these", "those"]);
// A quantity that opens a statistic: "80% of", "half of" (the topic is what follows).
const QUANTITY = /^(?:[\d.,]+\s*%?|half|most|many|some|all)\s+of\s+/i;

// A topic is at most this many words: past it, a phrase is no longer a topic.
const MAX_PHRASE_WORDS = 6;

/** The parts of `claim`; deterministic. */
export function claimParts(claim: Claim): ClaimParts {
  const whole = claim.normalized.replace(/[?.!]+$/, "").trim();
  const text = whole.replace(FRAME, "") || whole;
  const tokens = analyze(text).tokens;
  const lower = (k: number) => tokens[k]?.text.toLowerCase() ?? "";
  let i = 0;
  let inverted = false;
  if (WH.has(lower(0))) {
    i = 1;
    // "How long", "How many": the adjective belongs to the question word.
    if (lower(0) === "how" && ["ADJ", "ADV"].includes(tokens[1]?.pos ?? "")) i = 2;
    // "Which countries banned masks?", "How many people died of…?": the question's own noun
    // and verb; the topic is what follows.
    if (NOUN.has(tokens[i]?.pos ?? "") && tokens[i + 1]?.pos === "VERB") i += 2;
  }
  if (AUX.has(lower(i)) && (i > 0 || claim.kind === "question")) {
    i++;
    inverted = true;
  } else if (i > 0 && tokens[i]?.pos === "VERB") {
    // "Who invented the telephone?": the question word is the subject; the topic is the object.
    i++;
  }
  const start = i;
  const verbs = verbsOf(tokens);
  const end = subjectEnd(tokens, verbs, start, inverted);
  // "Do masks work?": nothing after the subject is tagged a verb, so its last word is the verb.
  const verbAfter = [...verbs].some((k) => k >= start);
  if (inverted && !verbAfter && end - start >= 2 && end === tokens.length) verbs.add(end - 1);
  const subjectEndAt = inverted && verbs.has(end - 1) ? end - 1 : end;
  const subject = phraseText(tokens, start, subjectEndAt).replace(QUANTITY, "");
  const hasNoun = inverted || tokens.slice(start, subjectEndAt).some((t) => NOUN.has(t.pos));
  const fallback = firstNounPhrase(tokens, verbs);
  const topic =
    subject.length >= 2 && hasNoun ? subject : (fallback ?? (claim.keyTerms.join(" ") || text));
  return {
    topic,
    hasVerb: verbs.size > 0,
    phraseOf(term) {
      const at = tokens.findIndex((t) =>
        t.text
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .includes(term),
      );
      const token = tokens[at];
      if (!token || verbs.has(at) || !NOUN.has(token.pos)) return undefined;
      let from = at;
      while (from > 0 && NOUNISH.has(tokens[from - 1]?.pos ?? "") && !verbs.has(from - 1)) from--;
      let to = at + 1;
      while (to < tokens.length && NOUNISH.has(tokens[to]?.pos ?? "") && !verbs.has(to)) to++;
      if (lower(to) === "of" && NOUN.has(tokens[to + 1]?.pos ?? "")) {
        to += 2;
        while (to < tokens.length && NOUN.has(tokens[to]?.pos ?? "")) to++;
      }
      if (to - from > MAX_PHRASE_WORDS) return undefined;
      return phraseText(tokens, from, to);
    },
  };
}

/** The words of tokens [from, to) with their article, as they read inside a sentence. */
function phraseText(tokens: readonly NlpToken[], from: number, to: number): string {
  if (to <= from) return "";
  const article = ARTICLE.has(tokens[from - 1]?.text.toLowerCase() ?? "") ? from - 1 : from;
  const words = surface(tokens.slice(article, to));
  return article === 0 ? inSentence(words) : words;
}

/** Where the subject noun phrase that starts at `start` ends (exclusive). */
function subjectEnd(
  tokens: readonly NlpToken[],
  verbs: Set<number>,
  start: number,
  inverted: boolean,
): number {
  let at = start;
  while (at < tokens.length && ARTICLE.has(tokens[at]?.text.toLowerCase() ?? "")) at++;
  let end = at;
  let sawNoun = false;
  while (end < tokens.length && end - at < MAX_PHRASE_WORDS) {
    const t = tokens[end] as NlpToken;
    // After an inverted auxiliary ("Do masks work?") the tagger often reads the subject as a
    // verb: the first word is the subject's whatever its tag.
    const forced = end === at && inverted;
    if (verbs.has(end) && !forced) break;
    if (t.text.toLowerCase() === "of" && sawNoun && NOUNISH.has(tokens[end + 1]?.pos ?? "")) {
      end++;
      continue;
    }
    // An adjective after a noun ends the subject ("vaccines safe") unless a noun follows it
    // ("ICE tactical operations").
    if (t.pos === "ADJ" && sawNoun && !NOUNISH.has(tokens[end + 1]?.pos ?? "")) break;
    if (!NOUNISH.has(t.pos) && t.pos !== "ADJ" && !forced) break;
    if (forced) verbs.delete(end); // the subject's word, whatever the tagger said

    sawNoun ||= t.pos !== "ADJ";
    end++;
  }
  return end;
}

/** The first noun phrase after the verb (or anywhere): the thing a statistic measures. */
function firstNounPhrase(
  tokens: readonly NlpToken[],
  verbs: ReadonlySet<number>,
): string | undefined {
  const firstVerb = Math.min(...verbs, tokens.length);
  for (const from of [firstVerb + 1, 0]) {
    for (let k = from; k < tokens.length; k++) {
      if (!NOUN.has(tokens[k]?.pos ?? "") || verbs.has(k)) continue;
      let a = k;
      while (
        a > 0 &&
        ["ADJ", "NOUN", "PROPN"].includes(tokens[a - 1]?.pos ?? "") &&
        !verbs.has(a - 1)
      )
        a--;
      let b = k + 1;
      while (b < tokens.length && NOUN.has(tokens[b]?.pos ?? "") && !verbs.has(b)) b++;
      return phraseText(tokens, a, b);
    }
  }
  return undefined;
}

/**
 * Indices of the verbs: words tagged VERB or AUX, or, in a clause with none, a word the tagger
 * took for a plural noun where the verb must be ("spreads" in "5G spreads COVID-19", "cures" in
 * "Hydroxychloroquine cures COVID-19": after a noun, before another word).
 */
function verbsOf(tokens: readonly NlpToken[]): Set<number> {
  const tagged = new Set<number>();
  tokens.forEach((t, k) => {
    if (t.pos === "VERB" || t.pos === "AUX") tagged.add(k);
  });
  if (tagged.size > 0) return tagged;
  // "masks work": a plural subject, then a bare verb at the end.
  const last = tokens.length - 1;
  if (
    last >= 1 &&
    /[a-z]s$/.test(tokens[last - 1]?.text ?? "") &&
    !/s$/.test(tokens[last]?.text ?? "")
  )
    if (NOUN.has(tokens[last - 1]?.pos ?? "") && tokens[last]?.pos === "NOUN")
      return new Set([last]);
  const hidden = tokens.findIndex(
    (t, k) =>
      t.pos === "NOUN" &&
      /[a-z]s$/.test(t.text) &&
      k > 0 &&
      k < tokens.length - 1 &&
      NOUNISH.has(tokens[k - 1]?.pos ?? ""),
  );
  return hidden >= 0 ? new Set([hidden]) : tagged;
}

/** Tokens back to text with the spacing they had ("5" + "G" → "5G", "80" + "%" → "80%"). */
function surface(tokens: readonly NlpToken[]): string {
  return tokens
    .map((t, i) => (i === 0 ? t.text : `${t.spaceBefore}${t.text}`))
    .join("")
    .trim();
}
