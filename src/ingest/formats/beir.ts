// BEIR corpus.jsonl lines: `{_id, title, text, metadata?}`.
import { z } from "zod";
import { isJsonObject, readJsonLines } from "./json-lines.js";
import { describeIssues, documentRecord, skippedRecord } from "./parsed-record.js";
import type { FormatParser, ParsedRecord } from "./types.js";

// The corpus format of https://github.com/beir-cellar/beir (README, "Load your own dataset").
const BeirLine = z.object({
  _id: z.union([z.string().min(1), z.number()]),
  title: z.string().nullish(),
  text: z.string({
    error: (issue) => (issue.input === undefined ? "missing" : "not a string"),
  }),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const HTTP_URL = z.url({ protocol: /^https?$/ });

/** Documents from a BEIR corpus file; a `metadata.url` that is an http(s) URL becomes the url. */
export const parseBeir: FormatParser = async function* ({ bytes }) {
  for (const entry of readJsonLines(bytes)) {
    if (!entry.ok) yield skippedRecord(entry.reason, entry.line);
    else yield beirRecord(entry.value, entry.line);
  }
};

function beirRecord(value: unknown, line: number): ParsedRecord {
  if (!isJsonObject(value)) return skippedRecord("not a JSON object", line);
  const parsed = BeirLine.safeParse(value);
  if (!parsed.success) return skippedRecord(describeIssues(parsed.error), line);
  const { _id, title, text, metadata } = parsed.data;
  if (text.trim() === "") return skippedRecord("text: empty", line);
  const document: Record<string, unknown> = { id: String(_id), text };
  if (title) document.title = title;
  if (metadata && Object.keys(metadata).length > 0) {
    document.metadata = metadata;
    const url = HTTP_URL.safeParse(metadata.url);
    if (url.success) document.url = url.data;
  }
  return documentRecord(document, line);
}
