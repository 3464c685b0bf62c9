// Mismatched pairs: a claim beside the evidence of another claim of the same set, labelled
// unrelated. Claim–evidence sets hold only evidence (agree, disagree, at most discuss), so
// without them a short text without a title would itself read as evidence, whatever it says: a
// model trained so called "The striker scored twice in the cup final." evidence about face
// masks. Drawn from the same set, many mismatches share the claim's topic (COVID-19, climate),
// which is the lesson: a sentence on the topic is not evidence for the claim.
import { mulberry32 } from "../dist/text/prng.js";
import type { LabelledPair } from "./science-data.ts";

/**
 * For a seeded `share` of `pairs`, one pair of its claim with the text of a pair of another
 * group, labelled unrelated; every other one keeps no context (a text read alone, as FNC-1's or
 * the API's bare predictions are), the rest keep the borrowed text's own context.
 */
export function mismatchedPairs(
  pairs: readonly LabelledPair[],
  share: number,
  seed: number,
): LabelledPair[] {
  const random = mulberry32(seed);
  const out: LabelledPair[] = [];
  if (pairs.length < 2) return out;
  for (const pair of pairs) {
    if (random() >= share) continue;
    // A few draws find a text of another group; sets with one group yield nothing.
    for (let tries = 0; tries < 4; tries++) {
      const other = pairs[Math.floor(random() * pairs.length)];
      if (!other || other.group === pair.group || other.claim === pair.claim) continue;
      const bare = out.length % 2 === 0;
      out.push({
        claim: pair.claim,
        text: other.text,
        ...(!bare && other.context ? { context: other.context } : {}),
        label: "unrelated",
        group: pair.group,
        source: pair.source,
      });
      break;
    }
  }
  return out;
}
