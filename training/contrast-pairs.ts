// Contrastive pairs: a supporting short text (a passage, a rationale) rewritten to say the
// opposite becomes a refuting one, and so does its claim; a refuted claim rewritten to say the
// opposite becomes supported. The training data have few refutations made by plain negation,
// which is what the pipeline meets sentence by sentence.
import { stemWord } from "../dist/text/passage-match.js";
import { mulberry32 } from "../dist/text/prng.js";
import { isStopword, words } from "../dist/text/query-terms.js";
import { contradictSentence, contradictText } from "./contradiction.ts";
import type { LabelledPair } from "./science-data.ts";

// Texts longer than this are articles or abstracts: one rewritten sentence would not flip them.
const MAX_WORDS = 70;

/**
 * For a seeded `share` of the short agree and disagree pairs, one rewritten pair: agree pairs get
 * their text or their claim contradicted (→ disagree); disagree pairs get their claim
 * contradicted by a negation (→ agree; scientific claims only, as FNC-1's disagreeing headlines
 * are mostly about hoaxes, which a negation does not flip). Pairs keep their group, so held-out
 * splits stay clean.
 */
export function contrastPairs(
  pairs: readonly LabelledPair[],
  share: number,
  seed: number,
): LabelledPair[] {
  const random = mulberry32(seed);
  const out: LabelledPair[] = [];
  for (const pair of pairs) {
    const flipsToAgree = pair.label === "disagree" && pair.source !== "fnc1-passage";
    if (pair.label !== "agree" && !flipsToAgree) continue;
    if (words(pair.text).length > MAX_WORDS) continue;
    if (random() >= share) continue;
    const claimStems = contentStems(pair.claim);
    const textStems = contentStems(pair.text);
    if (pair.label === "agree" && random() < 0.5) {
      const text = contradictText(pair.text, claimStems, random);
      if (text !== undefined && text !== pair.text) {
        out.push({ ...pair, text, label: "disagree", source: "contrast" });
        continue;
      }
    }
    const claim = contradictSentence(pair.claim, textStems, random, flipsToAgree);
    if (claim === undefined || claim === pair.claim) continue;
    const label = pair.label === "agree" ? "disagree" : "agree";
    out.push({ ...pair, claim, label, source: "contrast" });
  }
  return out;
}

function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !isStopword(w))
      .map(stemWord),
  );
}
