// What a check accepts as input, decided at the edge before anything runs: well-formed Unicode,
// NFKC, trimmed, not empty, not an article, with words in it; and the form its id is made from.
import { FactuallyError } from "../core/errors.js";

/** Longer input is an article, not a claim: it must be split into claims first. */
export const MAX_INPUT_CHARS = 2000;

/**
 * The input as it will be checked (well-formed Unicode, NFKC, trimmed); throws
 * FactuallyError(BAD_INPUT) if it cannot be. A lone surrogate (JSON allows "\ud800") becomes
 * U+FFFD, so nothing stored can break a link or a page later.
 */
export function checkableText(text: string): string {
  const trimmed = text.toWellFormed().normalize("NFKC").trim();
  if (trimmed === "") {
    throw new FactuallyError("BAD_INPUT", "nothing to check: give a claim or a question");
  }
  if (trimmed.length > MAX_INPUT_CHARS) {
    throw new FactuallyError(
      "BAD_INPUT",
      `the input is ${trimmed.length.toLocaleString("en")} characters; the limit is ` +
        `${MAX_INPUT_CHARS.toLocaleString("en")} — check one claim or question at a time`,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(trimmed)) {
    throw new FactuallyError(
      "BAD_INPUT",
      "the input has no words to check (only punctuation, symbols or emoji); write the claim in words",
    );
  }
  return trimmed;
}

/** Whitespace collapsed, typographic quotes straightened, wrapping quotes removed. */
export function normalizeInput(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .trim();
}
