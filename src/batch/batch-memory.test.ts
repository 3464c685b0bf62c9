// A 10,000-row batch streams: rows in flight, the reorder buffer and the heap stay bounded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { checkIdForInput } from "../text/check-id.js";
import type { BatchRow } from "./batch-row.js";
import { type BatchResultLine, serializeLine } from "./result-line.js";
import { openResultsFile } from "./results-file.js";
import { openRows } from "./row-source.js";
import { runBatch } from "./run-batch.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 10_000;
const dir = mkdtempSync(join(tmpdir(), "factually-batch-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Real work without the pipeline: the check id, and a summary of about 2 KB per row. */
async function fakeCheck(row: BatchRow): Promise<BatchResultLine> {
  await new Promise((r) => setImmediate(r));
  const id = checkIdForInput(row.input);
  const summary = `${row.input} `.repeat(Math.ceil(2000 / (row.input.length + 1)));
  return { row: row.row, input: row.input, status: "ok", id, summary };
}

describe("a 10,000-row batch", () => {
  it("keeps memory bounded by the window, not by the number of rows", async () => {
    const input = join(dir, "claims.csv");
    const body = Array.from(
      { length: ROWS },
      (_, i) => `"Claim ${i}: masks reduce spread, study ${i}",`,
    );
    writeFileSync(input, `claim,author\n${body.join("\n")}\n`);
    const out = join(dir, "results.jsonl");
    const results = openResultsFile(out);
    let written = 0;
    let payload = 0;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peakGrowth = 0;
    const stats = await runBatch({
      rows: await openRows(input),
      concurrency: 4,
      window: 16,
      checkOne: fakeCheck,
      write: (line) => {
        const text = serializeLine(line);
        results.write(text);
        payload += text.length;
        if (++written % 1000 === 0) {
          gc();
          peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
        }
      },
    });
    results.close();
    expect(stats).toMatchObject({ read: ROWS, written: ROWS, interrupted: false });
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.maxBuffered).toBeLessThanOrEqual(16);
    // More than 20 MB went through; holding it would show as heap growth far above this bound.
    expect(payload).toBeGreaterThan(20_000_000);
    expect(peakGrowth).toBeLessThan(8_000_000);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(ROWS);
    expect(lines.map((l) => (JSON.parse(l) as BatchResultLine).row)).toEqual(
      Array.from({ length: ROWS }, (_, i) => i + 1),
    );
  });
});
