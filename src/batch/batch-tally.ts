// Counts of a batch's rows by how they ended, the summary line, and the exit code they mean.
import type { BatchResultLine } from "./result-line.js";

export interface BatchTally {
  checked: number;
  /** Of `checked`: a fresh stored version (or an identical row's run) was reused. */
  reused: number;
  bad: number;
  failed: number;
}

export function emptyTally(): BatchTally {
  return { checked: 0, reused: 0, bad: 0, failed: 0 };
}

/** Adds one written line to `tally`. */
export function countLine(tally: BatchTally, line: Pick<BatchResultLine, "status" | "outcome">) {
  if (line.status === "ok") {
    tally.checked += 1;
    if (line.outcome === "reused") tally.reused += 1;
  } else if (line.status === "bad-row") tally.bad += 1;
  else tally.failed += 1;
}

export function rowsIn(tally: BatchTally): number {
  return tally.checked + tally.bad + tally.failed;
}

/** "N rows: a checked (b reused), c bad, d failed; results in FILE", over the whole results file. */
export function summaryLine(
  tally: BatchTally,
  where: string,
  notes: { earlier?: number; interrupted?: boolean } = {},
): string {
  const earlier = notes.earlier ? ` (${notes.earlier} from an earlier run)` : "";
  const stopped = notes.interrupted ? "stopped after " : "";
  return (
    `${stopped}${rowsIn(tally)} rows: ${tally.checked} checked (${tally.reused} reused), ` +
    `${tally.bad} bad, ${tally.failed} failed${earlier}; results ${where}`
  );
}

/** 0 when every row was checked; 1 when some row failed at run time; else 2 for bad rows. */
export function exitCodeFor(tally: BatchTally): number {
  if (tally.failed > 0) return 1;
  if (tally.bad > 0) return 2;
  return 0;
}
