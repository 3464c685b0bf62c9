// Word frequencies of a corpus, and a sampler that draws words with those frequencies.
import type { Random } from "../dist/text/prng.js";

/** Words with how often each occurs, most frequent first. */
export interface Vocabulary {
  words: string[];
  counts: number[];
  /** Where the frequencies come from, for the report. */
  source: string;
}

// The characters SQLite's unicode61 tokenizer keeps (as in src/text/query-terms.ts), so every
// sampled word is one token for both engines.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Counts the lower-cased words of `texts`; ties are ordered alphabetically so the order is stable. */
export function countWords(texts: Iterable<string>, source: string): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(WORD) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { words: entries.map((e) => e[0]), counts: entries.map((e) => e[1]), source };
}

/**
 * A made-up vocabulary with Zipf frequencies (count ∝ 1/rank), for when the SciFact corpus is
 * not there: the benchmark still runs, with a word shape that is less realistic.
 */
export function zipfVocabulary(size: number): Vocabulary {
  const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pe", "da", "zu", "fi"];
  const words: string[] = [];
  const counts: number[] = [];
  for (let rank = 1; rank <= size; rank++) {
    let word = "";
    for (let n = rank; n > 0; n = Math.floor(n / syllables.length)) {
      word += syllables[n % syllables.length];
    }
    words.push(word);
    counts.push(Math.round(1_000_000 / rank) + 1);
  }
  return { words, counts, source: `made-up Zipf vocabulary of ${size} words` };
}

/**
 * Draws words in proportion to their counts in O(1) per draw, with Vose's alias method
 * (Vose 1991, "A linear algorithm for generating random numbers with a given distribution"):
 * a million passages take ~90M draws, too many for a binary search per word.
 */
export function createWordSampler(vocabulary: Vocabulary): (random: Random) => string {
  const n = vocabulary.words.length;
  if (n === 0) throw new RangeError("cannot sample from an empty vocabulary");
  const total = vocabulary.counts.reduce((sum, count) => sum + count, 0);
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    probability[i] = ((vocabulary.counts[i] as number) * n) / total;
    ((probability[i] as number) < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() as number;
    const more = large.pop() as number;
    alias[less] = more;
    probability[more] = (probability[more] as number) + (probability[less] as number) - 1;
    ((probability[more] as number) < 1 ? small : large).push(more);
  }
  // What is left is 1 up to rounding error.
  for (const i of [...small, ...large]) probability[i] = 1;
  const words = vocabulary.words;
  return (random) => {
    const column = Math.floor(random() * n);
    const index = random() < (probability[column] as number) ? column : (alias[column] as number);
    return words[index] as string;
  };
}
