// `factually refresh --stale`: runs the most due stale checks again, one after another, on
// this process (what a server with FACTUALLY_AUTO_REFRESH=on does in the background), with a
// line per check and a bar on a terminal.
import type { ModelMode } from "../../assemble/model-choice.js";
import { refreshStale, type StaleOutcome } from "../../assemble/stale-refresh.js";
import type { Config } from "../../config/config.js";
import { VERDICT_TEXT } from "../../render/labels.js";
import { clean } from "../../render/text.js";
import { openCliEngine, withCliAdvice } from "../cli-engine.js";
import { type CliIo, nowOf } from "../io.js";
import { progressBar } from "../progress.js";

export interface RefreshStaleOptions {
  config: Config;
  json: boolean;
  /** Checks to refresh at most (default: the configured daily budget). */
  limit?: number;
  /** Only checks older than this many days (default: the configured minimum age). */
  minAgeDays?: number;
  model?: ModelMode;
}

/** Exit 0 when every picked check was refreshed or skipped, 1 when any failed or it was stopped. */
export async function refreshStaleCommand(
  options: RefreshStaleOptions,
  io: CliIo,
): Promise<number> {
  const limit = options.limit ?? options.config.autoRefresh.perDay;
  const minAgeDays = options.minAgeDays ?? options.config.autoRefresh.minAgeDays;
  const engine = await openCliEngine(options.config, io, {
    mustExist: true,
    ...(options.model ? { model: options.model } : {}),
  });
  const bar = progressBar(io.stderr, "refresh");
  // Ctrl-C stops the check under way (nothing of it is stored) and leaves the rest for later.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  try {
    const tally = await withCliAdvice(io, () =>
      refreshStale(engine, {
        limit,
        minAgeDays,
        now: () => nowOf(io),
        signal: controller.signal,
        onProgress: ({ index, total, check, outcome }) => {
          bar.update(outcome ? index + 1 : index, total, clean(check.check.input).slice(0, 40));
          if (outcome && !options.json) io.stdout.write(`${outcomeLine(outcome)}\n`);
        },
      }),
    );
    bar.stop();
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ limit, minAgeDays, ...tally })}\n`);
    } else {
      io.stdout.write(`${summaryLine(tally, minAgeDays)}\n`);
      if (tally.cancelled) {
        io.stdout.write(
          "Stopped (Ctrl-C): the remaining stale checks were left for the next run.\n",
        );
      }
    }
    return tally.failed > 0 || tally.cancelled ? 1 : 0;
  } finally {
    process.removeListener("SIGINT", cancel);
    bar.stop();
    await engine.close();
  }
}

function outcomeLine(outcome: StaleOutcome): string {
  const what = `${outcome.id} (${clean(outcome.input).slice(0, 60)})`;
  if (outcome.status !== "ok") {
    const word = outcome.status === "skipped" ? "skipped" : "FAILED";
    return `${word} ${what}: ${clean(outcome.reason)}`;
  }
  const verdict =
    outcome.from === outcome.to
      ? `verdict unchanged: ${VERDICT_TEXT[outcome.to]}`
      : `verdict changed: ${VERDICT_TEXT[outcome.from]} → ${VERDICT_TEXT[outcome.to]}`;
  return `refreshed ${what}: version ${outcome.n}, ${verdict}`;
}

function summaryLine(
  tally: { picked: number; refreshed: number; changed: number; skipped: number; failed: number },
  minAgeDays: number,
): string {
  if (tally.picked === 0) {
    return `No stale checks to refresh: none is older than ${minAgeDays} days (and than its own freshness window).`;
  }
  return (
    `Refreshed ${tally.refreshed} of ${tally.picked} stale checks: ${tally.changed} changed verdict, ` +
    `${tally.skipped} skipped (already running), ${tally.failed} failed.`
  );
}
