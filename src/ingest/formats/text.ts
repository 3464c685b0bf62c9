// Plain-text files (.txt): the whole file is one document.
import { decodeUtf8Text, NOT_UTF8 } from "./decode-text.js";
import { documentRecord, skippedRecord } from "./parsed-record.js";
import { titleFromText } from "./title.js";
import type { FormatParser, ParsedRecord } from "./types.js";

/** One document holding the file's text, titled by its first heading or first line. */
export const parseText: FormatParser = async function* ({ bytes }) {
  yield wholeTextRecord(bytes);
};

/** The record of a UTF-8 text file (shared with Markdown, whose text is kept as written). */
export function wholeTextRecord(bytes: Uint8Array): ParsedRecord {
  const text = decodeUtf8Text(bytes);
  if (text === undefined) return skippedRecord(NOT_UTF8);
  if (text.trim() === "") return skippedRecord("the file is empty");
  const title = titleFromText(text);
  return documentRecord(title === undefined ? { text } : { title, text });
}
