// `factually history`: stored checks, most recently checked first, with verdict, date,
// staleness and the helpful tally of their latest version.
import type { Config } from "../../config/config.js";
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { type HistoryLine, renderHistoryText } from "../../render/history.js";
import { openCliEngine } from "../cli-engine.js";
import { type CliIo, nowOf } from "../io.js";

export interface HistoryCommandOptions {
  config: Config;
  limit: number;
  cursor?: string;
  json: boolean;
  configuredFreshnessDays: number;
}

export async function historyCommand(options: HistoryCommandOptions, io: CliIo): Promise<number> {
  const engine = await openCliEngine(options.config, io, { mustExist: true, access: "read-only" });
  try {
    const page = await engine.checks.listChecks({
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
    const now = nowOf(io);
    const lines: HistoryLine[] = page.checks.map((summary) => ({
      ...summary,
      stale: isStale(
        summary.latest.checkedAt,
        freshnessDaysOf(summary.check, options.configuredFreshnessDays),
        now,
      ),
    }));
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify({ checks: lines, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) })}\n`,
      );
    } else {
      io.stdout.write(`${renderHistoryText(lines)}\n`);
      if (page.nextCursor) {
        io.stdout.write(
          `\nMore: factually history --limit ${options.limit} --cursor ${page.nextCursor}\n`,
        );
      }
    }
    return 0;
  } finally {
    await engine.close();
  }
}
