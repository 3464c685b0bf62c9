// Untrusted text made safe to show: the characters that change how text looks without being
// seen — bidirectional controls (U+202E makes "gpj.exe" read "exe.jpg") and invisible ones
// (a zero-width space makes "pay\u200Bpal" look like "paypal") — are removed. Only what is shown
// changes: the stored input, and the API's JSON, keep every character.

/**
 * Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the direction marks
 * (U+200E, U+200F, U+061C); zero-width space, word joiner and the invisible math operators
 * (U+200B, U+2060–U+2064), byte-order mark (U+FEFF), soft hyphen (U+00AD, invisible except at
 * a line break), Mongolian vowel separator (U+180E), and the tag characters (U+E0000–U+E007F,
 * used to smuggle hidden text).
 */
export const HIDDEN_CHARACTERS =
  /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\u00AD\u180E]|[\u{E0000}-\u{E007F}]/gu;

/** Emoji and what ZWJ sequences join between (skin tones, the emoji presentation selector). */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
/** Letters and marks of the scripts whose words need joiners (Arabic, Persian, Indic…). */
const JOINING = /^[\p{L}\p{M}]$/u;
const NON_JOINING = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;

/**
 * `text` as it may be shown in a page, a title, JSON-LD or link text: the hidden characters
 * removed rather than shown as escapes, so a search result, a page title and a link read the
 * characters in the order they were stored (which is what the claim says), and right-to-left
 * text is still ordered by the Unicode bidi algorithm on its own. The joiners (ZWNJ U+200C,
 * ZWJ U+200D) are kept only between two characters of a script (or emoji) that needs them.
 */
export function displayText(text: string): string {
  const visible = text.replace(HIDDEN_CHARACTERS, "");
  if (!/[\u200C\u200D]/u.test(visible)) return visible;
  const chars = Array.from(visible);
  return chars
    .filter((c, i) => !isJoiner(c) || (joins(chars[i - 1]) && joins(chars[i + 1])))
    .join("");
}

const isJoiner = (c: string) => c === "\u200C" || c === "\u200D";

function joins(c: string | undefined): boolean {
  if (c === undefined) return false;
  return EMOJI.test(c) || (JOINING.test(c) && !NON_JOINING.test(c));
}
