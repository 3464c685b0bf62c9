// Short-passage pairs cut from FNC-1 articles: the pipeline asks about single sentences and
// passages, while FNC-1 pairs headlines with whole articles, so the model sees both lengths.
import { stemWord } from "../dist/text/passage-match.js";
import { mulberry32 } from "../dist/text/prng.js";
import { isStopword, words } from "../dist/text/query-terms.js";
import { splitSentences } from "../dist/text/sentences.js";
import type { LabelledPair } from "./science-data.ts";

/**
 * For a seeded `share` of article pairs, one passage pair: a related article's best-matching one
 * or two sentences keep its stance; an unrelated article's random sentence stays unrelated.
 */
export function passagePairs(
  pairs: readonly LabelledPair[],
  share: number,
  seed: number,
): LabelledPair[] {
  const random = mulberry32(seed);
  const out: LabelledPair[] = [];
  for (const pair of pairs) {
    if (random() >= share) continue;
    const sentences = splitSentences(pair.text).map((s) => pair.text.slice(s.start, s.end));
    if (sentences.length < 2) continue;
    const size = random() < 0.5 ? 1 : 2;
    let text: string;
    if (pair.label === "unrelated") {
      const i = Math.floor(random() * sentences.length);
      text = sentences.slice(i, i + size).join(" ");
    } else {
      const claim = new Set(contentStems(pair.claim));
      const overlap = sentences.map((s) => contentStems(s).filter((x) => claim.has(x)).length);
      const best = overlap.indexOf(Math.max(...overlap));
      text = sentences.slice(best, best + size).join(" ");
    }
    out.push({ ...pair, text, source: "fnc1-passage" });
  }
  return out;
}

function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w))
    .map(stemWord);
}
