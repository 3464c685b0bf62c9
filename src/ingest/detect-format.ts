// Guesses a file's ingest format from its extension, or from its first bytes when that is unclear.
import { extname } from "node:path";
import type { IngestFormat } from "./formats/types.js";

const BY_EXTENSION: Record<string, IngestFormat> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
};

const JSON_LINES_EXTENSIONS = new Set([".jsonl", ".ndjson", ".json"]);

// Comments and an XML declaration may come before the doctype.
const HTML_START = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html[\s>])/i;

/** The format of the file at `path` whose first bytes are `head`, or undefined when unknown. */
export function detectFormat(path: string, head: Uint8Array): IngestFormat | undefined {
  const extension = extname(path).toLowerCase();
  const known = BY_EXTENSION[extension];
  if (known) return known;
  const text = new TextDecoder("utf-8").decode(head);
  if (JSON_LINES_EXTENSIONS.has(extension)) return jsonLinesFormat(text);
  if (text.startsWith("%PDF-")) return "pdf";
  if (HTML_START.test(text)) return "html";
  return undefined;
}

/** SciFact or BEIR by the keys of the first record, else generic JSON lines. */
function jsonLinesFormat(text: string): IngestFormat | undefined {
  const firstLine = text
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim();
  // A JSON array or a pretty-printed object is not JSON lines.
  if (!firstLine?.startsWith("{") || firstLine === "{") return undefined;
  const keys = recordKeys(firstLine);
  if (keys.has("doc_id") && keys.has("abstract")) return "scifact";
  if (keys.has("_id") && keys.has("text")) return "beir";
  return "jsonl";
}

// The head may cut a long first line short; then its keys are found by pattern.
function recordKeys(line: string): Set<string> {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null) return new Set(Object.keys(value));
  } catch {
    // fall through to the pattern
  }
  return new Set(Array.from(line.matchAll(/"([^"\\]+)"\s*:/g), (match) => match[1] ?? ""));
}
