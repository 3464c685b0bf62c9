// What the wording of the input itself implies: presuppositions, absolute words, loaded terms.
import type { Claim } from "../core/schema/claim.js";

export interface Framing {
  /** "how" / "why" questions presuppose that what they ask about is established. */
  presupposition?: "how" | "why";
  absoluteWords: string[];
  loadedWords: string[];
}

// Words that make a statement false on one counter-example.
const ABSOLUTE =
  /\b(all|always|never|none|nobody|no one|every|everyone|everything|completely|entirely|totally|proven|guaranteed|impossible|only|100 ?%)\b/gi;

// Words that judge before the evidence does; a short documented list, not a lexicon.
const LOADED =
  /\b(hoax|scam|fraud|cover-?up|plandemic|propaganda|so-called|shocking|miracle|deadly|poison(ous)?|radical|extremist|regime|puppet|brainwash(ed|ing)?|fake|lies|lying|corrupt|disaster|catastrophic|destroy(s|ed|ing)?|evil)\b/gi;

/** The framing signals of a claim or question. */
export function framingOf(claim: Claim): Framing {
  const text = claim.normalized;
  const lead = /^(how|why)\b/i.exec(text)?.[1]?.toLowerCase();
  const framing: Framing = {
    absoluteWords: absoluteWords(text),
    loadedWords: unique(text.match(LOADED) ?? []),
  };
  if (claim.kind === "question" && (lead === "how" || lead === "why"))
    framing.presupposition = lead;
  return framing;
}

/** The absolute words of `text`, lower-cased, in order of first appearance. */
export function absoluteWords(text: string): string[] {
  return unique(text.match(ABSOLUTE) ?? []);
}

function unique(words: string[]): string[] {
  return [...new Set(words.map((w) => w.toLowerCase()))];
}
