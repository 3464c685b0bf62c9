// Generic JSON lines: one `{id?, title?, text, url?, published_at?, publisher?}` object per line.
import { z } from "zod";
import { normalizeIsoDate } from "../../text/iso-date.js";
import { isJsonObject, readJsonLines } from "./json-lines.js";
import { describeIssues, documentRecord, skippedRecord } from "./parsed-record.js";
import type { FormatParser, ParsedRecord } from "./types.js";

// `null` counts as absent: exports from spreadsheets and databases are full of them.
const JsonlLine = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  title: z.string().nullish(),
  text: z
    .string({ error: (issue) => (issue.input === undefined ? "missing" : "not a string") })
    .refine((text) => text.trim() !== "", { error: "empty" }),
  url: z.url({ protocol: /^https?$/, error: "not an http(s) URL" }).nullish(),
  published_at: z.string().nullish(),
  publishedAt: z.string().nullish(),
  publisher: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const KNOWN = new Set(Object.keys(JsonlLine.shape));

/** Documents from a JSON-lines file; a malformed line is reported with its number and skipped. */
export const parseJsonl: FormatParser = async function* ({ bytes }) {
  for (const entry of readJsonLines(bytes)) {
    if (!entry.ok) yield skippedRecord(entry.reason, entry.line);
    else yield jsonlRecord(entry.value, entry.line);
  }
};

function jsonlRecord(value: unknown, line: number): ParsedRecord {
  if (!isJsonObject(value)) return skippedRecord("not a JSON object", line);
  const parsed = JsonlLine.safeParse(value);
  if (!parsed.success) return skippedRecord(describeIssues(parsed.error), line);
  const fields = parsed.data;
  const document: Record<string, unknown> = { text: fields.text };
  if (fields.id != null) document.id = String(fields.id);
  if (fields.title != null) document.title = fields.title;
  if (fields.url != null) document.url = fields.url;
  if (fields.publisher != null) document.publisher = fields.publisher;
  const dateField = fields.published_at != null ? "published_at" : "publishedAt";
  const date = fields[dateField];
  if (date != null) {
    const publishedAt = normalizeIsoDate(date);
    if (!publishedAt) return skippedRecord(`${dateField}: not an ISO date: ${clip(date)}`, line);
    document.publishedAt = publishedAt;
  }
  const metadata = { ...fields.metadata, ...extraFields(value) };
  if (Object.keys(metadata).length > 0) document.metadata = metadata;
  return documentRecord(document, line);
}

function extraFields(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN.has(key)));
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
