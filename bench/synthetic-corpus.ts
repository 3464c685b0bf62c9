// Deterministic synthetic corpora and queries drawn from a vocabulary, for sizes SciFact lacks.
import { mulberry32, type Random, randomInt } from "../dist/text/prng.js";
import { createWordSampler, type Vocabulary } from "./vocabulary.ts";

/** One passage-sized document: ~60–120 words in sentences, with a short title. */
export interface SyntheticDocument {
  id: string;
  title: string;
  text: string;
}

// Sized to stay one passage: 120 words of SciFact-like text are ~850 characters, and the cap
// keeps the rare longer draw under the 900 at which the store cuts a paragraph
// (src/text/passages.ts).
const TEXT_WORDS = { min: 60, max: 120 };
const MAX_TEXT_CHARS = 880;
const SENTENCE_WORDS = { min: 8, max: 24 };
const TITLE_WORDS = { min: 5, max: 12 };
const QUERY_WORDS = { min: 4, max: 8 };

// Queries come from their own stream, so they are the same whatever the corpus size.
const QUERY_STREAM = 0x51f15eed;

/**
 * The first `count` documents of the corpus for `seed`. A smaller corpus is a prefix of a larger
 * one with the same seed; documents are made one at a time, so a million never sit in memory.
 */
export function* syntheticDocuments(
  vocabulary: Vocabulary,
  count: number,
  seed: number,
): Generator<SyntheticDocument> {
  const random = mulberry32(seed);
  const sample = createWordSampler(vocabulary);
  for (let i = 0; i < count; i++) {
    const title = capitalize(drawWords(random, sample, TITLE_WORDS).join(" "));
    const text = drawText(random, sample, randomInt(random, TEXT_WORDS.min, TEXT_WORDS.max));
    yield { id: `syn-${i}`, title, text };
  }
}

/** `count` queries of 4–8 words drawn with the corpus' word frequencies. */
export function syntheticQueries(vocabulary: Vocabulary, count: number, seed: number): string[] {
  const random = mulberry32(seed ^ QUERY_STREAM);
  const sample = createWordSampler(vocabulary);
  return Array.from({ length: count }, () => drawWords(random, sample, QUERY_WORDS).join(" "));
}

type Sample = (random: Random) => string;

function drawWords(random: Random, sample: Sample, length: { min: number; max: number }): string[] {
  const n = randomInt(random, length.min, length.max);
  return Array.from({ length: n }, () => sample(random));
}

/**
 * Up to `total` words in capitalised sentences ending with a full stop, stopping early rather
 * than pass MAX_TEXT_CHARS.
 */
function drawText(random: Random, sample: Sample, total: number): string {
  let text = "";
  let sentenceLeft = 0;
  for (let i = 0; i < total; i++) {
    const word = sample(random);
    const starting = sentenceLeft === 0;
    const piece = starting ? `${text === "" ? "" : ". "}${capitalize(word)}` : ` ${word}`;
    // + 1 for the closing full stop.
    if (text.length + piece.length + 1 > MAX_TEXT_CHARS) break;
    text += piece;
    if (starting) sentenceLeft = randomInt(random, SENTENCE_WORDS.min, SENTENCE_WORDS.max);
    sentenceLeft--;
  }
  return `${text}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
