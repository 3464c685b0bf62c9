// Whether a model's "verbatim" quote really is in the passages — spacing, quote marks, dashes,
// case, Unicode compatibility forms and invisible format characters may differ, words may not —
// and the passage's own characters for it, so that what is stored is what the source says.
import type { Passage } from "../../core/schema/document.js";

/** A quote found in a passage: `text` is the passage's own span, character for character. */
export interface FoundQuote {
  passage: Passage;
  text: string;
}

/** Quotes shorter than this (once compared) are too short to show anything was read. */
const MIN_QUOTE_CHARS = 8;

/** The first passage holding `quote`, with the span it matched; undefined when none does. */
export function findQuote(passages: readonly Passage[], quote: string): FoundQuote | undefined {
  const trimmed = quote.trim();
  const core = trimmed.replace(/^["'“”‘’]+/, "").replace(TRAILING, "");
  const wanted = comparable(core).text;
  if (wanted.length < MIN_QUOTE_CHARS) return undefined;
  // The closing marks the model kept ("…trial.") are stored too when the source has them there.
  const tail = TRAILING.exec(trimmed)?.[0].length ?? 0;
  for (const passage of passages) {
    const seen = comparable(passage.text);
    const at = seen.text.indexOf(wanted);
    if (at < 0) continue;
    const start = seen.from[at] ?? 0;
    let end = seen.to[at + wanted.length - 1] ?? passage.text.length;
    for (let i = 0; i < tail && CLOSING.has(passage.text[end] ?? ""); i++) end++;
    return { passage, text: passage.text.slice(start, end) };
  }
  return undefined;
}

const TRAILING = /["'“”‘’.…]+$/;
const CLOSING = new Set(`"'“”‘’.…`);

export function containsQuote(passages: readonly Passage[], quote: string): boolean {
  return findQuote(passages, quote) !== undefined;
}

/**
 * The text as compared, with, for each of its characters, the span of the original it came
 * from. Each character is folded on its own (NFKD, so a composed "é" and "e" + accent agree;
 * lower case; one kind of quote mark and dash); format characters such as the word joiner the
 * prompt puts into chat-template tokens (prompts/untrusted.ts) are dropped; runs of white space
 * become one space, and leading and trailing space goes.
 */
function comparable(text: string): { text: string; from: number[]; to: number[] } {
  let out = "";
  const from: number[] = [];
  const to: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = fold(String.fromCodePoint(cp));
    for (const ch of folded) {
      if (/\s/.test(ch)) {
        if (out.length > 0 && pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0) {
        out += " ";
        from.push(pendingSpace);
        to.push(pendingSpace + 1);
        pendingSpace = -1;
      }
      out += ch;
      from.push(i);
      to.push(i + width);
    }
    i += width;
  }
  return { text: out, from, to };
}

function fold(ch: string): string {
  return ch
    .normalize("NFKD")
    .replace(/\p{Cf}/gu, "")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[‐-―−]/g, "-")
    .toLowerCase();
}
