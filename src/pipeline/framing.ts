// What the wording of the input itself implies: presuppositions, absolute words, loaded terms.
import type { Claim } from "../core/schema/claim.js";
import { analyze } from "../text/nlp.js";

export interface Framing {
  /** "how" / "why" questions presuppose that what they ask about is established. */
  presupposition?: "how" | "why";
  absoluteWords: string[];
  loadedWords: string[];
  /** wink-nlp sentiment of the input, -1..1. */
  sentiment: number;
}

const ABSOLUTE =
  /\b(all|always|never|none|nobody|no one|every|everyone|everything|completely|entirely|totally|proven|guaranteed|impossible|100 ?%)\b/gi;

// Words that judge before the evidence does; a short documented list, not a lexicon.
const LOADED =
  /\b(hoax|scam|fraud|cover-?up|plandemic|propaganda|so-called|shocking|miracle|deadly|poison(ous)?|radical|extremist|regime|puppet|brainwash(ed|ing)?|fake|lies|lying|corrupt|disaster|catastrophic|destroy(s|ed|ing)?|evil)\b/gi;

/** The framing signals of a claim or question. */
export function framingOf(claim: Claim): Framing {
  const text = claim.normalized;
  const lead = /^(how|why)\b/i.exec(text)?.[1]?.toLowerCase();
  const framing: Framing = {
    absoluteWords: unique(text.match(ABSOLUTE) ?? []),
    loadedWords: unique(text.match(LOADED) ?? []),
    sentiment: analyze(text).sentiment,
  };
  if (claim.kind === "question" && (lead === "how" || lead === "why"))
    framing.presupposition = lead;
  return framing;
}

function unique(words: string[]): string[] {
  return [...new Set(words.map((w) => w.toLowerCase()))];
}
