// Word lists that hint at a stance: refuting, hedging, reporting and confirming cues, negations
// and antonym pairs. Lists are of lower-cased words; lookups go through their Porter stems.
import { stemWord } from "../text/passage-match.js";

const stems = (list: string) => new Set(list.split(" ").map(stemWord));

// After the FNC-1 baseline's refuting words (fnc-1-baseline feature_engineering.py), extended.
export const REFUTE_CUES = stems(
  "fake fraud hoax false deny denies denied denial not despite nope doubt doubts bogus debunk " +
    "debunked debunks prank pranks retract retracted retraction untrue myth misleading " +
    "incorrect wrong refute refuted refutes dismiss dismissed rumour rumours baseless fabricated " +
    "satire satirical contrary contradict contradicts disprove disproved",
);

// Words that report or hedge rather than assert: FNC-1's "discuss" class leans on them.
export const HEDGE_CUES = stems(
  "reportedly allegedly alleged claim claims claimed rumor rumored unconfirmed unverified may " +
    "might could possibly possible apparently purportedly purported suggest suggests speculate " +
    "speculation likely unclear appears seems believed perhaps whether",
);

export const REPORT_CUES = stems("said says told according report reports reported sources source");

// Words that affirm: the body backs the headline.
export const AGREE_CUES = stems(
  "confirm confirmed confirms official officially announced reveal revealed indeed true proven " +
    "prove shows showed show demonstrate demonstrated evidence verified fact actually",
);

// Direction words: a claim that something goes up is contradicted by a text where it goes down.
// Protecting and preventing count as down (less of the harm the claim is about).
export const UP_CUES = stems(
  "increase increases increased increasing rise rises rose raise raises raised higher more " +
    "greater elevate elevated enhance enhanced promote promotes boost boosts gain accelerate " +
    "stimulate induce induces upregulate upregulated exceed larger longer worsen worsens risk " +
    "harmful harm",
);
export const DOWN_CUES = stems(
  "decrease decreases decreased decreasing reduce reduces reduced reducing reduction lower " +
    "lowered less fewer decline declines drop dropped fall falls inhibit inhibits suppress " +
    "suppresses impair diminish attenuate shorten smaller downregulate downregulated prevent " +
    "prevents protect protects protective block blocks limit limits weaken loss",
);

const NEGATIONS = new Set(
  "not no never none nobody nothing neither nor without cannot nowhere lack lacks failed fail".split(
    " ",
  ),
);

/** Whether the lower-cased `word` negates, counting the "t" of "don't" after a word in "n". */
export function isNegation(word: string, previous: string | undefined): boolean {
  if (NEGATIONS.has(word)) return true;
  if (word === "t" && previous !== undefined && previous.endsWith("n")) return true;
  return (
    word.endsWith("nt") && /^(didnt|doesnt|dont|isnt|wasnt|arent|werent|cant|wont)$/.test(word)
  );
}

// Pairs of opposites common in news and science claims.
const ANTONYM_PAIRS = [
  ["increase", "decrease"],
  ["increase", "reduce"],
  ["rise", "fall"],
  ["higher", "lower"],
  ["more", "less"],
  ["more", "fewer"],
  ["positive", "negative"],
  ["alive", "dead"],
  ["true", "false"],
  ["safe", "dangerous"],
  ["effective", "ineffective"],
  ["improve", "worsen"],
  ["gain", "loss"],
  ["win", "lose"],
  ["accept", "reject"],
  ["confirm", "deny"],
  ["allow", "ban"],
  ["present", "absent"],
  ["promote", "inhibit"],
  ["activate", "suppress"],
  ["enhance", "impair"],
  ["up", "down"],
  ["large", "small"],
  ["high", "low"],
  ["strong", "weak"],
  ["benefit", "harm"],
  ["success", "failure"],
  ["open", "close"],
  ["start", "stop"],
  ["before", "after"],
  ["male", "female"],
  ["old", "young"],
  ["real", "fake"],
  ["guilty", "innocent"],
  ["found", "lost"],
  ["survive", "die"],
  ["arrest", "release"],
  ["resign", "stay"],
  ["risk", "protect"],
  ["lower", "raise"],
  ["reduce", "raise"],
  ["safe", "unsafe"],
  ["effective", "ineffective"],
  ["beneficial", "harmful"],
  ["upregulate", "downregulate"],
] as const;

/** Stem → the stems of its opposites. */
export const ANTONYMS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const [a, b] of ANTONYM_PAIRS) {
    add(stemWord(a), stemWord(b));
    add(stemWord(b), stemWord(a));
  }
  return map;
})();
