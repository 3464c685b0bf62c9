// SciFact corpus lines: `{doc_id, title, abstract: string[], structured}`, one abstract each.
import { z } from "zod";
import { isJsonObject, readJsonLines } from "./json-lines.js";
import { describeIssues, documentRecord, skippedRecord } from "./parsed-record.js";
import type { FormatParser, ParsedRecord } from "./types.js";

// The shape of corpus.jsonl in https://github.com/allenai/scifact (data/corpus.jsonl).
const SciFactLine = z.object({
  doc_id: z.union([z.number(), z.string().min(1)]),
  title: z.string().nullish(),
  abstract: z.array(z.string()).min(1, { error: "empty" }),
  structured: z.boolean().nullish(),
});

/** Documents from a SciFact corpus file: the abstract's sentences joined by single spaces. */
export const parseSciFact: FormatParser = async function* ({ bytes }) {
  for (const entry of readJsonLines(bytes)) {
    if (!entry.ok) yield skippedRecord(entry.reason, entry.line);
    else yield sciFactRecord(entry.value, entry.line);
  }
};

function sciFactRecord(value: unknown, line: number): ParsedRecord {
  if (!isJsonObject(value)) return skippedRecord("not a JSON object", line);
  const parsed = SciFactLine.safeParse(value);
  if (!parsed.success) return skippedRecord(describeIssues(parsed.error), line);
  const { doc_id, title, abstract, structured } = parsed.data;
  // Sentences are kept exactly as given so evidence sentence indices still map onto the text.
  const text = abstract.join(" ");
  if (text.trim() === "") return skippedRecord("abstract: empty", line);
  const document: Record<string, unknown> = { id: String(doc_id), text };
  if (title) document.title = title;
  if (structured != null) document.metadata = { structured };
  return documentRecord(document, line);
}
