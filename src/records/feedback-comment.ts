// A reader's comment as it is stored, whichever door it came in by (CLI, API, page form): plain
// text with control characters (terminal escapes, NULs) and invisible direction/zero-width marks
// removed, line breaks kept, trimmed; over the limit is the reader's to shorten, not ours to cut.
import { FactuallyError } from "../core/errors.js";
import { MAX_COMMENT_CHARS } from "../core/schema/check.js";

const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The comment as plain text, or undefined when nothing is left; BAD_INPUT when too long. */
export function plainComment(raw: string, field = "the comment"): string | undefined {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").trim();
  if (text.length > MAX_COMMENT_CHARS) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${field} is ${text.length.toLocaleString("en")} characters; the limit is ${MAX_COMMENT_CHARS.toLocaleString("en")}: shorten it`,
    );
  }
  return text === "" ? undefined : text;
}
