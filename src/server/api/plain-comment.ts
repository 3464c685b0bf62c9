// A reader's comment as plain text, exactly as `factually feedback` stores it. A copy of the
// CLI's `plainComment`: the server may not import from src/cli (STYLE: nothing imports cli).
import { FactuallyError } from "../../core/errors.js";
import { MAX_COMMENT_CHARS } from "../../core/schema/check.js";

// Control characters (terminal escapes, NUL) and invisible direction/zero-width marks.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Control characters removed, line breaks kept, trimmed; undefined when nothing is left. */
export function plainComment(raw: string): string | undefined {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").trim();
  if (text.length > MAX_COMMENT_CHARS) {
    throw new FactuallyError(
      "BAD_INPUT",
      `comment: it is ${text.length.toLocaleString("en")} characters; the limit is ${MAX_COMMENT_CHARS.toLocaleString("en")} — shorten it`,
    );
  }
  return text === "" ? undefined : text;
}
