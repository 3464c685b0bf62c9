// The --out file of a batch: which rows it already holds (so a re-run resumes after them), and
// appending one line per write call so a crash leaves at most one unfinished last line.

import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import { FactuallyError } from "../core/errors.js";
import { type BatchTally, countLine, emptyTally } from "./batch-tally.js";
import { readLines } from "./lines.js";
import type { BatchResultLine } from "./result-line.js";

export interface PreviousResults {
  /** Row number → digest of the input written for it. */
  rows: Map<number, string>;
  tally: BatchTally;
  /** Bytes of an unfinished last line that were cut off. */
  cutBytes: number;
}

/**
 * The rows already in `path` (none when it does not exist). An unfinished last line, left by a
 * crash, is cut off first; any other line that is not a result is the user's to sort out.
 */
export async function readPreviousResults(path: string, shown = path): Promise<PreviousResults> {
  const previous: PreviousResults = { rows: new Map(), tally: emptyTally(), cutBytes: 0 };
  if (!existsSync(path)) return previous;
  previous.cutBytes = cutUnfinishedLastLine(path);
  for await (const { number, text } of readLines(path)) {
    if (text.trim() === "") continue;
    const line = parseResultLine(text);
    if (!line) {
      throw new FactuallyError(
        "BAD_INPUT",
        `line ${number} of ${shown} is not a batch result; remove it, or pass another --out to start afresh`,
        { target: path },
      );
    }
    previous.rows.set(line.row, inputDigest(line.input));
    countLine(previous.tally, line);
  }
  return previous;
}

/** Throws when the result held for `row` was made from another input (the input file changed). */
export function assertSameInput(
  previous: PreviousResults,
  row: { row: number; input: string },
  shown: string,
): void {
  const digest = previous.rows.get(row.row);
  if (digest !== undefined && digest !== inputDigest(row.input)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${shown} holds a result for row ${row.row} of another input; the input file changed since, so pass a new --out`,
    );
  }
}

/** Appends to `path`, each line in one write call. */
export function openResultsFile(path: string): { write(line: string): void; close(): void } {
  const fd = openSync(path, "a");
  return {
    write: (line) => {
      writeSync(fd, line);
    },
    close: () => closeSync(fd),
  };
}

export function inputDigest(input: string): string {
  return createHash("sha256").update(input).digest("base64url").slice(0, 22);
}

function parseResultLine(
  text: string,
): Pick<BatchResultLine, "row" | "input" | "status" | "outcome"> | undefined {
  try {
    const line = JSON.parse(text) as Partial<BatchResultLine> | null;
    const statuses = ["ok", "bad-row", "failed"];
    if (
      line &&
      Number.isInteger(line.row) &&
      typeof line.input === "string" &&
      statuses.includes(String(line.status))
    ) {
      return line as BatchResultLine;
    }
  } catch {
    // Not JSON: the caller reports the line.
  }
  return undefined;
}

/** Cuts `path` back to just after its last newline; returns how many bytes were cut. */
function cutUnfinishedLastLine(path: string): number {
  const fd = openSync(path, "r+");
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const read = readSync(fd, chunk, 0, end - start, start);
      const newline = chunk.subarray(0, read).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep < size) ftruncateSync(fd, keep);
        return size - keep;
      }
      end = start;
    }
    if (size > 0) ftruncateSync(fd, 0);
    return size;
  } finally {
    closeSync(fd);
  }
}
