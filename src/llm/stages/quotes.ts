// Whether a model's "verbatim" quote really is in the passages: spacing, quote marks, dashes
// and case may differ, words may not.
import type { Passage } from "../../core/schema/document.js";

export function containsQuote(passages: readonly Passage[], quote: string): boolean {
  const wanted = comparable(quote.replace(/^["'“”‘’]+|["'“”‘’.…]+$/g, ""));
  if (wanted.length < 8) return false;
  return passages.some((p) => comparable(p.text).includes(wanted));
}

function comparable(text: string): string {
  return (
    text
      .normalize("NFKC")
      .replace(/[“”„«»]/g, '"')
      .replace(/[‘’‚]/g, "'")
      .replace(/[‐-―−]/g, "-")
      // What the prompt showed defused (see prompts/untrusted.ts) is the source's own "<".
      .replace(/‹/g, "<")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase()
  );
}
