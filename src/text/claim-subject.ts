// What a claim is about: its subject (the noun phrase before the main verb, or the one a
// question asks about) and the key term a text must mention to bear on the claim at all —
// "vitamin C" in "Vitamin C cures COVID-19", so that a vitamin D study cannot decide it.
import { analyze } from "./nlp.js";
import { stemWord } from "./passage-match.js";
import { isStopword } from "./query-terms.js";

/** One spelling of a key term: the normalised stems of its words, in order. */
export type TermSpelling = readonly string[];

export interface ClaimSubject {
  /** The subject phrase as written in the claim ("" when none was found). */
  phrase: string;
  /** The key term as written ("vitamin C", "hydroxychloroquine"). */
  key: string;
  /** Its spellings: the key itself, its synonyms and the abbreviations that stand for it. */
  spellings: TermSpelling[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

// Words that end the subject: auxiliaries, modals and relative pronouns.
const AUXILIARIES = new Set(
  (
    "is are was were be been being am has have had can could may might will would shall should " +
    "must does do did that which who whom whose"
  ).split(" "),
);

// Common verbs of claims, in the forms claims use them; wink-nlp often tags the "-s" forms as
// nouns ("cures", "increases"), so the subject's end is found by these first.
const CLAIM_VERBS = new Set(
  (
    "cause causes caused cure cures cured increase increases increased decrease decreases " +
    "decreased reduce reduces reduced lower lowers lowered raise raises raised prevent prevents " +
    "prevented protect protects protected lead leads led improve improves improved worsen worsens " +
    "shorten shortens shortened lengthen lengthens spread spreads kill kills killed treat treats " +
    "treated boost boosts boosted promote promotes promoted inhibit inhibits inhibited suppress " +
    "suppresses suppressed induce induces induced enhance enhances enhanced impair impairs " +
    "impaired affect affects affected regulate regulates regulated mediate mediates mediated " +
    "correlate correlates correlated contribute contributes contributed require requires " +
    "required result results resulted block blocks blocked stop stops stopped slow slows slowed " +
    "accelerate accelerates accelerated trigger triggers triggered alter alters altered " +
    "determine determines determined predict predicts predicted drive drives drove help helps " +
    "helped work works worked make makes made contain contains contained carry carries carried " +
    "transmit transmits transmitted infect infects infected damage damages damaged harm harms " +
    "harmed benefit benefits benefited show shows showed cut cuts eliminate eliminates " +
    "eliminated remain remains remained become becomes became lack lacks lacked limit limits " +
    "limited weaken weakens weakened strengthen strengthens strengthened activate activates " +
    "activated repress represses repressed bind binds bound express expresses expressed " +
    "upregulate upregulates upregulated downregulate downregulates downregulated occur occurs " +
    "occurred exist exists existed last lasts lasted provide provides provided offer offers " +
    "offered control controls controlled delay delays delayed lose loses lost gain gains gained " +
    "rise rises rose fall falls fell double doubles doubled halve halves halved save saves saved"
  ).split(" "),
);

// Head nouns too general to say what a claim is about on their own.
const GENERIC = new Set(
  (
    "people person patients patient individuals subjects participants cases " +
    "use usage level levels rate rates risk risks effect effects treatment treatments therapy " +
    "study studies evidence data result results number numbers amount amounts activity " +
    "expression activation production function functions role roles cells cell type types " +
    "group groups population populations factor factors percent proportion majority most many " +
    "some all high low higher lower increased decreased reduced new time times year years " +
    "way ways thing things lot part parts form forms presence absence loss gain development " +
    "response responses change changes increase decrease reduction association link relationship " +
    "impact outcome outcomes condition conditions disease diseases infection infections " +
    "process mechanism mechanisms model models system systems"
  ).split(" "),
);

// Well-known other names of common subjects (both directions are added).
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ["hydroxychloroquine", "hcq"],
  ["chloroquine", "cq"],
  ["vitamin c", "ascorbic acid", "ascorbate"],
  ["vitamin d", "cholecalciferol", "calcifediol", "25-hydroxyvitamin d", "25(oh)d"],
  ["covid-19", "sars-cov-2", "coronavirus disease 2019", "2019-ncov", "covid"],
  ["coronavirus", "sars-cov-2", "covid-19"],
  ["5g", "fifth generation"],
  ["mask", "face covering", "respirator"],
  ["vaccine", "vaccination", "immunization", "immunisation"],
  ["convalescent plasma", "plasma"],
  ["ivermectin", "ivm"],
  ["remdesivir", "gs-5734"],
  ["interferon", "ifn"],
  ["bcg", "bacille calmette-guerin", "bacillus calmette-guerin"],
  ["tocilizumab", "il-6 receptor antibody"],
  ["dexamethasone", "corticosteroid"],
  ["hiv", "human immunodeficiency virus"],
  ["aids", "acquired immunodeficiency syndrome"],
  ["tb", "tuberculosis"],
  ["mrna", "messenger rna"],
  ["dna", "deoxyribonucleic acid"],
  ["who", "world health organization"],
  ["cdc", "centers for disease control"],
  ["uk", "united kingdom", "britain"],
  ["us", "united states", "usa", "america"],
];

// British spellings folded into American before stemming, so "haematopoietic" meets
// "hematopoietic" and "tumour" meets "tumor".
const SPELLING: ReadonlyArray<[RegExp, string]> = [
  [/^haem/, "hem"],
  [/^anaem/, "anem"],
  [/^leukaem/, "leukem"],
  [/aemia/, "emia"],
  [/^paed/, "ped"],
  [/^oesoph/, "esoph"],
  [/^oestr/, "estr"],
  [/^foet/, "fet"],
  [/oea$/, "ea"],
  [/our$/, "or"],
  [/ours$/, "ors"],
  [/is(e|es|ed|ing|ation|ations)$/, "iz$1"],
];

/** A word as it is compared: diacritics and British spellings folded, then stemmed. */
export function termKey(word: string): string {
  let w = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (w.length > 4)
    for (const [pattern, replacement] of SPELLING) w = w.replace(pattern, replacement);
  return stemWord(w);
}

const TERM = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(TERM)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The term keys of `text` in order (hyphenated words split into their parts too). */
export function termKeys(text: string): string[] {
  const out: string[] = [];
  for (const w of wordsOf(text)) {
    const parts = w.text.split(/[-'’]/).filter(Boolean);
    if (parts.length > 1) out.push(termKey(w.text.replace(/[-'’]/g, "")));
    for (const p of parts) out.push(termKey(p));
  }
  return out;
}

/** An acronym, a name with digits or inner capitals: ALDH1, p53, COVID-19, 5G, iPSC. */
function isNameLike(word: string): boolean {
  // A quantity with its unit ("40mg", "6-month") is not a name.
  if (
    /^\d+(?:[.,]\d+)?(?:-?(?:mg|g|kg|ml|l|mm|cm|m|km|h|hr|hrs|min|s|ms|d|day|days|week|weeks|month|months|year|years|bp|kb|nm|μm|um|mmol|µg|mcg|iu|%))$/i.test(
      word,
    )
  )
    return false;
  return /\d/.test(word) && /\p{L}/u.test(word)
    ? true
    : /\p{Lu}.*\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word);
}

// A noun followed by a letter or number is one name: vitamin C, hepatitis B, type 2.
const NAMED_BY_SUFFIX = /^(?:\p{Lu}\d*|\d+|[IVX]+)$/u;

const QUESTION_OPENING =
  /^(?:(?:how|what|when|where|which|who|why|whether)\s+(?:long|much|many|often|far|likely|well|quickly|soon)?\s*)?(?:do|does|did|is|are|was|were|can|could|should|would|will|has|have|had|may|might|must)\s+/i;

const THERE_IS =
  /^(?:it\s+is\s+(?:true|false|a\s+myth|not\s+true)\s+that\s+|there\s+(?:is|are|was|were)\s+(?:no|some|a|an|strong|little|weak)?\s*(?:\w+\s+)?(?:link|association|evidence|connection|relationship|correlation)\s+(?:between|that|of|for)\s+)/i;

// "Says the debt has nearly doubled": fact-checkers' way of quoting a claim without its speaker.
const ATTRIBUTION = /^(?:says|claims|said|stated)\s+(?:that\s+)?/i;

// A leading adverbial set off by a comma: "From 2003 to 2006, Sesame Street made…", "In adults
// with diabetes, metformin…", "According to the WHO, masks…".
const LEADING_ADVERBIAL =
  /^(?:in|on|from|since|during|after|before|under|over|at|for|with|without|among|between|by|through|until|because\s+of|according\s+to|as\s+of)\b[^,.;:?!]{1,80},\s*/i;

// Word classes that never name what a claim is about ("I never…", "We definitely…",
// "The only…"); acronyms and words mixing digits and letters (5G) are kept whatever the
// tagger says.
const NOT_A_SUBJECT_POS = new Set([
  "PRON",
  "ADV",
  "DET",
  "NUM",
  "ADP",
  "SCONJ",
  "CCONJ",
  "INTJ",
  "PART",
  "AUX",
]);

/** The claim's subject and the key term a source must mention to bear on it. */
export function claimSubject(claim: string): ClaimSubject | undefined {
  const text = claim.trim();
  let from = ATTRIBUTION.exec(text)?.[0].length ?? 0;
  from += LEADING_ADVERBIAL.exec(text.slice(from))?.[0].length ?? 0;
  const rest = text.slice(from);
  const opening = THERE_IS.exec(rest) ?? QUESTION_OPENING.exec(rest);
  from += opening ? opening[0].length : 0;
  const words = wordsOf(text).filter((w) => w.start >= from);
  if (words.length === 0) return undefined;
  const tags = tagPositions(text);
  const verbs = new Set(
    [...tags].flatMap(([at, pos]) => (pos === "VERB" || pos === "AUX" ? [at] : [])),
  );
  let end = words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const lower = w.text.toLowerCase();
    const afterHyphen = text[w.start - 1] === "-";
    // A participle that opens the claim modifies its subject ("Activated AMPK boosts…").
    if (i === 0 || afterHyphen) continue;
    if (AUXILIARIES.has(lower) || CLAIM_VERBS.has(lower) || verbs.has(w.start)) {
      end = i;
      break;
    }
  }
  let span = words.slice(0, end);
  // A passive claim names its real subject after "by": "Mortality is reduced by plasma".
  const by = words.findIndex((w, i) => i > end && w.text.toLowerCase() === "by");
  if (by > 0 && /^(is|are|was|were|be|been)$/i.test(words[end]?.text ?? "")) {
    span = words.slice(by + 1);
  }
  // A claim whose subject is its speaker ("We spend more…", "I never supported…") names no
  // subject a source must mention.
  const units = unitsOf(
    span.filter(
      (w) =>
        isNameLike(w.text) ||
        /\d\p{L}|\p{L}\d/u.test(w.text) ||
        !NOT_A_SUBJECT_POS.has(tags.get(w.start) ?? ""),
    ),
  );
  const key = chooseKey(units);
  if (!key) return undefined;
  const phrase = span.length > 0 ? text.slice(span[0]?.start, span[span.length - 1]?.end) : "";
  // A source is about the subject when it names any of the subject's names, or — when the
  // subject has none — any of its specific words: claims are paraphrased ("folate" for "folic
  // acid"…), and one word of the subject is enough to tell a vitamin D study from a vitamin C
  // claim or a BCG trial from a plasma claim.
  const names = units.filter((u) => u.name);
  const alternatives =
    names.length > 0 ? names : units.filter((u) => !GENERIC.has(u.text.toLowerCase()));
  const spellings = uniqueSpellings([key, ...alternatives.map((u) => u.text)].flatMap(spellingsOf));
  return { phrase, key, spellings };
}

/** The part-of-speech tag wink-nlp gives each word, by the word's start offset. */
function tagPositions(text: string): Map<number, string> {
  const out = new Map<number, string>();
  let at = 0;
  for (const token of analyze(text).tokens) {
    const found = text.indexOf(token.text, at);
    if (found < 0) continue;
    at = found + token.text.length;
    out.set(found, token.pos);
  }
  return out;
}

/** The subject's candidate key terms: names (with their letter or number) and content words. */
function unitsOf(span: readonly Word[]): Array<{ text: string; name: boolean }> {
  const units: Array<{ text: string; name: boolean }> = [];
  for (let i = 0; i < span.length; i++) {
    const w = span[i] as Word;
    const next = span[i + 1];
    const lower = w.text.toLowerCase();
    if (next && NAMED_BY_SUFFIX.test(next.text) && /^\p{L}{3,}$/u.test(w.text)) {
      units.push({ text: `${w.text} ${next.text}`, name: true });
      i++;
      continue;
    }
    if (isStopword(lower) || /^\d+([.,/]\d+)*$/.test(lower) || lower.length < 2) continue;
    units.push({ text: w.text, name: isNameLike(w.text) });
  }
  return units;
}

/** The first name of the subject, else its most specific content word. */
function chooseKey(units: ReadonlyArray<{ text: string; name: boolean }>): string | undefined {
  const name = units.find((u) => u.name);
  if (name) return name.text;
  const specific = units.filter((u) => !GENERIC.has(u.text.toLowerCase()));
  if (specific.length === 0) return undefined;
  // The head of a noun phrase comes last ("convalescent plasma", "face masks"), but a
  // modifier is the more specific word when the head is general ("hematopoietic stem cells").
  return specific[specific.length - 1]?.text;
}

function uniqueSpellings(spellings: readonly TermSpelling[]): TermSpelling[] {
  const seen = new Set<string>();
  return spellings.filter((s) => {
    const id = s.join(" ");
    if (seen.has(id) || s.length === 0) return false;
    seen.add(id);
    return true;
  });
}

function spellingsOf(key: string): TermSpelling[] {
  const lower = key.toLowerCase();
  const out: string[][] = [termKeys(lower)];
  for (const group of SYNONYMS) {
    const matches = group.some(
      (s) => s === lower || termKeys(s).join(" ") === termKeys(lower).join(" "),
    );
    if (matches) for (const s of group) out.push(termKeys(s));
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const id = s.join(" ");
    if (seen.has(id) || s.length === 0) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Abbreviations a text defines, as "long form (ABBR)" (after Schwartz & Hearst 2003): each
 * abbreviation's key → the term keys of its long form.
 */
export function definedAbbreviations(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/\(([^()\s]{2,10}s?)\)/g)) {
    const short = (m[1] ?? "").replace(/s$/, "");
    if (!/\p{Lu}/u.test(short) || !/^\p{L}/u.test(short)) continue;
    const before = wordsOf(text.slice(Math.max(0, m.index - 120), m.index));
    const long = longForm(short, before);
    if (long) out.set(termKey(short), termKeys(long));
  }
  return out;
}

function longForm(short: string, before: readonly Word[]): string | undefined {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const max = Math.min(before.length, letters.length + 5);
  for (let n = 1; n <= max; n++) {
    const candidate = before.slice(before.length - n);
    const joined = candidate.map((w) => w.text.toLowerCase()).join(" ");
    if ((candidate[0]?.text[0] ?? "").toLowerCase() !== letters[0]) continue;
    if (matchesInOrder(letters, joined)) return candidate.map((w) => w.text).join(" ");
  }
  return undefined;
}

/** Whether the letters of an abbreviation occur in order in the long form. */
function matchesInOrder(letters: string, long: string): boolean {
  let at = 0;
  for (const ch of letters) {
    const found = long.indexOf(ch, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

/**
 * Whether `text` mentions the claim's key term under one of its spellings, or an abbreviation
 * that `abbreviations` (from the same document) defines as one of them.
 */
export function mentionsSubject(
  subject: ClaimSubject,
  text: string,
  abbreviations: ReadonlyMap<string, readonly string[]> = new Map(),
): boolean {
  const keys = termKeys(text);
  const spellings = [...subject.spellings];
  for (const [short, long] of abbreviations) {
    if (subject.spellings.some((s) => containsSequence(long, s))) spellings.push([short]);
  }
  return spellings.some((s) => containsSequence(keys, s));
}

function containsSequence(keys: readonly string[], spelling: TermSpelling): boolean {
  if (spelling.length === 0) return false;
  for (let i = 0; i + spelling.length <= keys.length; i++) {
    let all = true;
    for (let j = 0; j < spelling.length; j++) {
      if (!sameTerm(keys[i + j] ?? "", spelling[j] ?? "", spelling.length === 1)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** Equal keys, or (for a one-word term) one a long prefix of the other: smoke ~ smoker. */
function sameTerm(a: string, b: string, loose: boolean): boolean {
  if (a === b) return true;
  if (!loose || a.length < 5 || b.length < 5) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long.length - short.length <= 3;
}
