// Markdown files (.md, .markdown): one document, its syntax kept so paragraphs stay apart.
import { wholeTextRecord } from "./text.js";
import type { FormatParser } from "./types.js";

/** One document holding the Markdown source as written, titled by its first heading. */
export const parseMarkdown: FormatParser = async function* ({ bytes }) {
  yield wholeTextRecord(bytes);
};
