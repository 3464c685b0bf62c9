// `factually batch <in.csv|in.jsonl>`: one stored check per row, one JSON line per row.
//
// Input: .csv (a header row) or .jsonl/.ndjson (one object per line). The text is in `claim` or
// `text` (any case; `claim` wins); optional `author`, `url`, `date` (YYYY-MM-DD) are the origin.
// Output: one line per input row, in input order, to --out (appended; a re-run resumes after the
// rows it holds) or stdout:
//   { row, line?, input, status: "ok" | "bad-row" | "failed", id?, version?, checkedAt?,
//     outcome?: "reused" | "first" | "forced" | "stale" | "settings-changed",
//     verdict?: { label, confidence }, sources?: [{ n, title, url?, documentId? }],
//     summary? (first summary paragraph; [n] cites sources), error?: { code, message } }
// `row` counts data rows from 1 and `line` is the file line a row starts on.
import { resolve } from "node:path";
import type { Engine } from "../../assemble/engine.js";
import type { ModelMode } from "../../assemble/model-choice.js";
import type { BatchRow } from "../../batch/batch-row.js";
import { countLine, exitCodeFor, summaryLine } from "../../batch/batch-tally.js";
import { createRowChecker } from "../../batch/check-row.js";
import { serializeLine } from "../../batch/result-line.js";
import {
  assertSameInput,
  openResultsFile,
  type PreviousResults,
  readPreviousResults,
} from "../../batch/results-file.js";
import { openRows } from "../../batch/row-source.js";
import { runBatch } from "../../batch/run-batch.js";
import { progressStatus } from "../../batch/throughput.js";
import type { Config } from "../../config/config.js";
import { FactuallyError } from "../../core/errors.js";
import { displayPath } from "../../text/display-path.js";
import { openCliEngine, type SourceChoice, searchesWeb, withCliAdvice } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { MAX_CONCURRENCY } from "../limits.js";
import { progressBar } from "../progress.js";

export interface BatchCommandOptions {
  config: Config;
  out?: string;
  concurrency: number;
  fresh: boolean;
  /** Offline or model-backed stages. */
  model?: ModelMode;
  /** Where to look beyond the configuration: --web, --as-of. */
  sources?: SourceChoice;
  /** Stops the batch like Ctrl-C does (for callers other than a terminal). */
  signal?: AbortSignal;
}

/** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

export async function batchCommand(
  file: string,
  options: BatchCommandOptions,
  io: CliIo,
): Promise<number> {
  const { concurrency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new FactuallyError(
      "BAD_INPUT",
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrency}`,
    );
  }
  const input = resolve(io.cwd, file);
  const shown = displayPath(input, io.cwd);
  const rows = await openRows(input, shown);
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const outShown = out === undefined ? "stdout" : displayPath(out, io.cwd);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  const bar = progressBar(io.stderr, "Checking");
  let engine: Engine | undefined;
  let results: { write(line: string): void; close(): void } | undefined;
  process.once("SIGINT", cancel);
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    engine = await openCliEngine(options.config, io, {
      mustExist: !searchesWeb(options.config, options.sources),
      ...(options.model ? { model: options.model } : {}),
    });
    const lookIn = {
      web: options.sources?.forceWeb === true,
      ...(options.sources?.asOf ? { asOf: options.sources.asOf } : {}),
    };
    // Wired before the first row: a missing model or an empty corpus stops the batch here
    // rather than failing every row.
    const wired = engine;
    await withCliAdvice(io, () => wired.dependencies(lookIn));
    const previous = out ? await readPreviousResults(out, outShown) : undefined;
    if (previous?.cutBytes) {
      io.stderr.write(
        `factually: cut an unfinished last line off ${outShown}; its row runs again\n`,
      );
    }
    const total = io.stderr.isTTY ? await countRows(input, shown) : undefined;
    results = out ? openResultsFile(out) : { write: (s) => io.stdout.write(s), close() {} };
    const sink = results;
    const tally = { ...(previous?.tally ?? { checked: 0, reused: 0, bad: 0, failed: 0 }) };
    const doneAtStart = previous?.rows.size ?? 0;
    const started = performance.now();
    let done = doneAtStart;
    const stats = await runBatch({
      rows: previous ? rowsNotIn(rows, previous, outShown) : rows,
      concurrency,
      checkOne: createRowChecker({
        check: (request, controls) => wired.check(request, { ...controls, ...lookIn }),
        fresh: options.fresh,
      }),
      write: (line) => {
        sink.write(serializeLine(line));
        countLine(tally, line);
        done += 1;
        if (total !== undefined) {
          const status = progressStatus(done, total, doneAtStart, performance.now() - started);
          bar.update(done, total, status);
        }
      },
      signal: controller.signal,
    });
    bar.stop();
    const where = out ? `in ${outShown}` : "on stdout";
    const summary = summaryLine(tally, where, {
      earlier: doneAtStart,
      interrupted: stats.interrupted,
    });
    const resume = stats.interrupted && out ? "; run the same command again to resume" : "";
    io.stderr.write(`${summary}${resume}\n`);
    return stats.interrupted ? EXIT_INTERRUPTED : exitCodeFor(tally);
  } finally {
    bar.stop();
    process.removeListener("SIGINT", cancel);
    options.signal?.removeEventListener("abort", cancel);
    results?.close();
    await rows.return();
    await engine?.close();
  }
}

/** The rows `previous` does not hold yet; a held row must have the same input as before. */
async function* rowsNotIn(
  rows: AsyncIterable<BatchRow>,
  previous: PreviousResults,
  shown: string,
): AsyncGenerator<BatchRow> {
  for await (const row of rows) {
    if (!previous.rows.has(row.row)) yield row;
    else assertSameInput(previous, row, shown);
  }
}

/** How many rows `input` has: one quick pass more, made only for the progress bar. */
async function countRows(input: string, shown: string): Promise<number> {
  let n = 0;
  for await (const _ of await openRows(input, shown)) n += 1;
  return n;
}
