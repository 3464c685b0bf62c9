// English part-of-speech tags and entities from wink-nlp, loaded once on first use.

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

export interface NlpToken {
  text: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, NUM, PUNCT… */
  pos: string;
  lemma: string;
  stopWord: boolean;
  negated: boolean;
  /** Whitespace before it in the text: "5G" is read as "5" and "G" with none between. */
  spaceBefore: string;
}

export interface NlpAnalysis {
  tokens: NlpToken[];
  /** Dates, times, numbers, percentages, money… as wink-nlp recognises them. */
  entities: Array<{ value: string; type: string }>;
}

let nlp: ReturnType<typeof winkNLP> | undefined;
// The size of the model's own lexicon. wink-nlp numbers its lexicon's words 0…n−1 and gives each
// new word it meets the next number, so the first unknown word read after loading gets n.
let lexiconSize = 0;

function loaded(): ReturnType<typeof winkNLP> {
  if (nlp) return nlp;
  nlp = winkNLP(model, ["sbd", "negation", "pos", "ner"]);
  const probe = nlp.readDoc("qzxvfactuallyunknownword");
  lexiconSize = Number(probe.tokens().out(nlp.its.uniqueId)[0]);
  return nlp;
}

/**
 * Whether the model's lexicon has `word` spelt exactly so: "masks" and "China" are in it,
 * "Masks", "Paris" and "remdesivir" are not. Used to tell sentence case from a name.
 */
export function isKnownWord(word: string): boolean {
  const nlp = loaded();
  const ids = nlp.readDoc(word).tokens().out(nlp.its.uniqueId) as unknown as number[];
  return ids.length === 1 && (ids[0] ?? lexiconSize) < lexiconSize;
}

/** Tokens with POS tags, lemmas and negation flags, and the entities of `text`. */
export function analyze(text: string): NlpAnalysis {
  // Loading the model costs ~0.3 s, so it happens on the first call, never at import.
  const nlp = loaded();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const texts = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink-nlp types its.lemma with an addons parameter that out() supplies itself.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const negated = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const entities = doc.entities().out(its.detail) as unknown as Array<{
    value: string;
    type: string;
  }>;
  return {
    tokens: texts.map((t, i) => ({
      text: t,
      pos: pos[i] ?? "X",
      lemma: lemmas[i] ?? t.toLowerCase(),
      stopWord: stop[i] === true,
      negated: negated[i] === true,
      spaceBefore: spaces[i] ?? (i > 0 ? " " : ""),
    })),
    entities: entities.map((e) => ({ value: e.value, type: e.type })),
  };
}
