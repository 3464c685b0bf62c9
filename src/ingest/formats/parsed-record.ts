// Turns a candidate document into a ParsedRecord, checked against the DocumentInput schema.
import type { z } from "zod";
import { DocumentInput } from "../../core/schema/document.js";
import type { ParsedRecord } from "./types.js";

/** A record for `candidate` if it is a valid DocumentInput, else the first problem as a reason. */
export function documentRecord(candidate: unknown, line?: number): ParsedRecord {
  const parsed = DocumentInput.safeParse(candidate);
  if (parsed.success) return withLine({ ok: true, document: parsed.data }, line);
  return skippedRecord(describeIssues(parsed.error), line);
}

/** A skipped record; `line` is left out (not undefined) for whole-file formats. */
export function skippedRecord(reason: string, line?: number): ParsedRecord {
  return withLine({ ok: false, reason }, line);
}

/** The first zod issue as a short reason, e.g. `url: Invalid URL`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid record";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

function withLine(record: ParsedRecord, line: number | undefined): ParsedRecord {
  return line === undefined ? record : { ...record, line };
}
