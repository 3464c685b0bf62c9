// `factually history`: stored checks, most recently checked first, with verdict, date,
// staleness and the helpful tally of their latest version.
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { type HistoryLine, renderHistoryText } from "../../render/history.js";
import { type CliIo, nowOf } from "../io.js";
import { openStore } from "../open-store.js";

export interface HistoryCommandOptions {
  db: string;
  limit: number;
  cursor?: string;
  json: boolean;
  configuredFreshnessDays: number;
}

export async function historyCommand(options: HistoryCommandOptions, io: CliIo): Promise<number> {
  const store = openStore(options.db, io.cwd, true, "read-only");
  try {
    const page = await store.listChecks({
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
    await store.close();
  }
}
