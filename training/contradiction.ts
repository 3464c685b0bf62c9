// Rewrites a sentence so that it says the opposite about the words it shares with a claim:
// removes or inserts a negation, swaps a direction word for its opposite, or changes a number.
// Used to make contrastive training pairs; the output need not be perfect English, only carry
// the cue a reader (and the features) would see.
import { stemWord } from "../dist/text/passage-match.js";
import { splitSentences } from "../dist/text/sentences.js";

// Word forms swapped for their opposite, both ways (lower-case).
const OPPOSITE_FORMS: ReadonlyArray<readonly [string, string]> = [
  ["increase", "decrease"],
  ["increases", "decreases"],
  ["increased", "decreased"],
  ["increasing", "decreasing"],
  ["reduce", "raise"],
  ["reduces", "raises"],
  ["reduced", "raised"],
  ["reducing", "raising"],
  ["reduction", "increase"],
  ["higher", "lower"],
  ["lowers", "raises"],
  ["lowered", "raised"],
  ["more", "less"],
  ["greater", "smaller"],
  ["effective", "ineffective"],
  ["efficacious", "ineffective"],
  ["safe", "unsafe"],
  ["positive", "negative"],
  ["positively", "negatively"],
  ["improve", "worsen"],
  ["improves", "worsens"],
  ["improved", "worsened"],
  ["benefit", "harm"],
  ["beneficial", "harmful"],
  ["promotes", "inhibits"],
  ["promote", "inhibit"],
  ["promoted", "inhibited"],
  ["enhances", "impairs"],
  ["enhanced", "impaired"],
  ["activates", "suppresses"],
  ["activated", "suppressed"],
  ["upregulates", "downregulates"],
  ["upregulated", "downregulated"],
  ["protects", "endangers"],
  ["protective", "harmful"],
  ["associated", "unassociated"],
  ["confirmed", "denied"],
  ["true", "false"],
  ["alive", "dead"],
  ["high", "low"],
  ["strong", "weak"],
  ["accept", "reject"],
  ["accepted", "rejected"],
  ["survived", "died"],
  ["success", "failure"],
];

const OPPOSITE: ReadonlyMap<string, string> = new Map(
  OPPOSITE_FORMS.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

const AUXILIARIES = new Set(
  "is are was were can could will would should may might must has have had does do did".split(" "),
);

// Verbs in the third person that claims turn on ("X reduces Y"); a noun in -s is not negated.
const PRESENT_VERBS = new Set(
  (
    "reduces increases decreases causes improves prevents lowers raises protects affects inhibits " +
    "promotes induces predicts shortens worsens kills cures treats spreads blocks slows boosts " +
    "activates suppresses enhances impairs regulates correlates requires leads results helps " +
    "works stops limits transmits infects damages"
  ).split(" "),
);

// Removing these negates a negated statement ("did not reduce" → "did reduce").
const NEGATION_REMOVAL: ReadonlyMap<string, string> = new Map([
  ["not", ""],
  ["never", ""],
  ["no", "a"],
  ["without", "with"],
  ["cannot", "can"],
  ["didn't", "did"],
  ["doesn't", "does"],
  ["don't", "do"],
  ["isn't", "is"],
  ["wasn't", "was"],
  ["aren't", "are"],
  ["weren't", "were"],
  ["won't", "will"],
  ["can't", "can"],
  ["unassociated", "associated"],
]);

type Random = () => number;

/**
 * `sentence` made to contradict itself about the stems in `anchor` (the other side of the pair),
 * or undefined when no rewrite applies. Picks one applicable rewrite at random. With
 * `negationOnly`, only adds or removes a negation: the opposite of "X reduces Y" is "X does not
 * reduce Y", while "X raises Y" would still be refuted by "X has no effect on Y".
 */
export function contradictSentence(
  sentence: string,
  anchor: ReadonlySet<string>,
  random: Random,
  negationOnly = false,
): string | undefined {
  const tokens = sentence.split(/(\s+)/);
  const core = tokens.map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, ""));
  const lower = core.map((c) => c.toLowerCase().replaceAll("’", "'"));
  const anchored = (i: number) => anchor.has(stemWord(lower[i] ?? ""));
  const near = (i: number) => {
    for (let j = i - 8; j <= i + 8; j += 2) if (j >= 0 && j !== i && anchored(j)) return true;
    return false;
  };
  const replace = (i: number, word: string) => {
    const original = core[i] ?? "";
    const cased = /^\p{Lu}/u.test(original) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    const out = [...tokens];
    out[i] = (tokens[i] ?? "").replace(original, cased);
    return out
      .join("")
      .replace(/\s{2,}/g, " ")
      .trim();
  };

  const candidates: string[] = [];
  const words = lower.flatMap((w, i) => (i % 2 === 0 && w !== "" ? [i] : []));
  const negation = words.find((i) => NEGATION_REMOVAL.has(lower[i] ?? "") && near(i));
  if (negation !== undefined) {
    // A negated sentence is contradicted only by removing its negation.
    return replace(negation, NEGATION_REMOVAL.get(lower[negation] ?? "") ?? "");
  }
  const aux = words.find((i) => AUXILIARIES.has(lower[i] ?? "") && near(i));
  if (aux !== undefined) candidates.push(replace(aux, `${lower[aux]} not`));
  const verb = words.find(
    (i) =>
      i > 0 &&
      anchored(i) &&
      (/^[a-z]{3,}ed$/.test(lower[i] ?? "") || PRESENT_VERBS.has(lower[i] ?? "")) &&
      !AUXILIARIES.has(lower[i - 2] ?? ""),
  );
  // "not reduced" rather than "did not reduce": the stems and the negation are what count.
  if (verb !== undefined) candidates.push(replace(verb, `not ${lower[verb]}`));
  if (!negationOnly) {
    const opposite = words.find((i) => OPPOSITE.has(lower[i] ?? "") && (anchored(i) || near(i)));
    if (opposite !== undefined) {
      candidates.push(replace(opposite, OPPOSITE.get(lower[opposite] ?? "") ?? ""));
    }
    const number = words.find(
      (i) => /^\d+(\.\d+)?$/.test(lower[i] ?? "") && anchor.has(lower[i] ?? ""),
    );
    if (number !== undefined) candidates.push(replace(number, changedNumber(lower[number] ?? "0")));
  }
  if (candidates.length === 0) return undefined;
  return candidates[Math.floor(random() * candidates.length)];
}

/**
 * `text` with the sentence that shares most stems with `anchor` contradicted (see
 * `contradictSentence`), or undefined when that sentence offers no rewrite.
 */
export function contradictText(
  text: string,
  anchor: ReadonlySet<string>,
  random: Random,
): string | undefined {
  const spans = splitSentences(text);
  if (spans.length === 0) return undefined;
  let best = spans[0];
  let bestOverlap = -1;
  for (const span of spans) {
    const overlap = (
      text
        .slice(span.start, span.end)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []
    )
      .map(stemWord)
      .filter((s) => anchor.has(s)).length;
    if (overlap > bestOverlap) {
      best = span;
      bestOverlap = overlap;
    }
  }
  if (!best || bestOverlap <= 0) return undefined;
  const rewritten = contradictSentence(text.slice(best.start, best.end), anchor, random);
  if (rewritten === undefined) return undefined;
  return `${text.slice(0, best.start)}${rewritten}${text.slice(best.end)}`;
}

function changedNumber(n: string): string {
  const value = Number(n);
  const changed = value < 2 ? value + 3 : Math.round(value * 2.5);
  return String(changed);
}
