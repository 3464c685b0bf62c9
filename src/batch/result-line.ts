// The JSON line a batch writes for each input row, and how a check or an error becomes one.

import type { CheckOutcome, StoredCheckResult } from "../assemble/stored-check.js";
import { isFactuallyError, messageOf } from "../core/errors.js";
import type { BatchRow } from "./batch-row.js";

export type BatchRowStatus = "ok" | "bad-row" | "failed";

/** One output line; see src/cli/commands/batch.ts for the format as users read it. */
export interface BatchResultLine {
  row: number;
  line?: number;
  input: string;
  status: BatchRowStatus;
  id?: string;
  version?: number;
  checkedAt?: string;
  outcome?: CheckOutcome;
  verdict?: { label: string; confidence: number };
  sources?: Array<{ n: number; title: string; url?: string; documentId?: string }>;
  summary?: string;
  error?: { code: string; message: string };
}

/** The line of a row that was checked (or shared the run of an identical row). */
export function checkedLine(row: BatchRow, result: StoredCheckResult): BatchResultLine {
  const { check, version, outcome } = result;
  const summary = version.report.summary[0]?.text;
  return {
    ...positionOf(row),
    status: "ok",
    id: check.id,
    version: version.n,
    checkedAt: version.checkedAt,
    outcome,
    verdict: { label: version.verdict.label, confidence: version.verdict.confidence },
    sources: version.sources.map((s) => ({
      n: s.n,
      title: s.title,
      ...(s.url ? { url: s.url } : {}),
      ...(s.documentId ? { documentId: s.documentId } : {}),
    })),
    ...(summary ? { summary } : {}),
  };
}

/** The line of a row that could not be read or used. */
export function badRowLine(row: BatchRow & { kind: "bad" }): BatchResultLine {
  return {
    ...positionOf(row),
    status: "bad-row",
    error: { code: "BAD_INPUT", message: row.reason },
  };
}

/** The line of a row whose check threw: bad input is the row's fault, anything else a failure. */
export function errorLine(row: BatchRow, error: unknown, id?: string): BatchResultLine {
  const code = isFactuallyError(error) ? error.code : "INTERNAL";
  const message = messageOf(error);
  return {
    ...positionOf(row),
    status: code === "BAD_INPUT" ? "bad-row" : "failed",
    ...(id ? { id } : {}),
    error: { code, message },
  };
}

/** The line as written: one JSON object and a newline. */
export function serializeLine(line: BatchResultLine): string {
  return `${JSON.stringify(line)}\n`;
}

function positionOf(row: BatchRow): Pick<BatchResultLine, "row" | "line" | "input"> {
  return { row: row.row, ...(row.line === undefined ? {} : { line: row.line }), input: row.input };
}
