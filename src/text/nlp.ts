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
}

export interface NlpAnalysis {
  tokens: NlpToken[];
  /** Dates, times, numbers, percentages, money… as wink-nlp recognises them. */
  entities: Array<{ value: string; type: string }>;
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/** Tokens with POS tags, lemmas and negation flags, and the entities of `text`. */
export function analyze(text: string): NlpAnalysis {
  // Loading the model costs ~0.3 s, so it happens on the first call, never at import.
  nlp ??= winkNLP(model, ["sbd", "negation", "pos", "ner"]);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const texts = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink-nlp types its.lemma with an addons parameter that out() supplies itself.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const negated = doc.tokens().out(its.negationFlag) as unknown as boolean[];
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
    })),
    entities: entities.map((e) => ({ value: e.value, type: e.type })),
  };
}
