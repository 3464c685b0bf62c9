// Reads and writes a benchmark's JSON Lines files (one object per non-blank line) in one go.
import { readFileSync, writeFileSync } from "node:fs";

/** The objects of a JSON Lines file; blank lines are skipped. */
export function readJsonLinesFile(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Writes `rows` as JSON Lines (one object per line), replacing the file. */
export function writeJsonLinesFile(path: string, rows: readonly unknown[]): void {
  writeFileSync(path, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
}
