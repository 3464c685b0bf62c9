// The parser of each ingest format.
import { parseBeir } from "./beir.js";
import { parseHtml } from "./html.js";
import { parseJsonl } from "./jsonl.js";
import { parseMarkdown } from "./markdown.js";
import { parsePdf } from "./pdf.js";
import { parseSciFact } from "./scifact.js";
import { parseText } from "./text.js";
import type { FormatParser, IngestFormat } from "./types.js";

export type { FormatParser, IngestFormat, ParsedRecord } from "./types.js";
export { parseBeir, parseHtml, parseJsonl, parseMarkdown, parsePdf, parseSciFact, parseText };

/** The parser for each format `factually ingest` reads. */
export const parsers: Record<IngestFormat, FormatParser> = {
  jsonl: parseJsonl,
  scifact: parseSciFact,
  beir: parseBeir,
  text: parseText,
  markdown: parseMarkdown,
  html: parseHtml,
  pdf: parsePdf,
};
