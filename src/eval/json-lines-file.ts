// Reads a benchmark's JSON Lines file (one object per non-blank line) in one go.
import { readFileSync } from "node:fs";

/** The objects of a JSON Lines file; blank lines are skipped. */
export function readJsonLinesFile(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
