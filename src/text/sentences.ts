// Splits text into sentences with their offsets, without cutting after "Dr.", "e.g." or "3.5".

export interface SentenceSpan {
  start: number;
  end: number;
}

// Lower-cased abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    "dr mr mrs ms prof sr jr st vs etc al fig figs eq eqs no nos vol approx ca cf e.g i.e " +
    "u.s u.k u.n e.u inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec"
  ).split(" "),
);

// A candidate end: . ! ? (or the ideographic 。！？), closing quotes or brackets, then space —
// or a blank line: a heading or list item ends there even without punctuation.
const END = /([.!?。！？])["'”’)\]]*(\s+|$)|\n[ \t]*\n\s*/g;

/** Sentences of `text` as trimmed offset ranges covering all its non-blank text. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(END)) {
    const stop =
      match[1] === undefined
        ? match.index
        : match.index + match[0].length - (match[2]?.length ?? 0);
    if (match[1] === "." && !endsSentence(text, match.index, stop)) continue;
    push(text, start, stop, spans);
    start = match.index + match[0].length;
  }
  push(text, start, text.length, spans);
  return spans;
}

/** Whether the period at `dot` ends a sentence, judged by the word before and the text after. */
function endsSentence(text: string, dot: number, after: number): boolean {
  const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? "";
  const word = before.toLowerCase();
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ""))) return false;
  // A single capital ("J. Smith") is an initial.
  if (/^\p{Lu}$/u.test(before)) return false;
  // The next sentence starts with a capital, a digit or a quote; a lower-case word continues.
  const next = text.slice(after).trimStart()[0];
  return next === undefined || !/\p{Ll}/u.test(next);
}

function push(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (end > start) out.push({ start, end });
}
