// `factually history`: stored checks, most recently checked first, with verdict, date,
// staleness and the helpful tally of their latest version, marking the checks whose verdict
// changed since history was last listed here.
import type { Config } from "../../config/config.js";
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { verdictChanges } from "../../records/verdict-change.js";
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
  // Written to when it can be (to remember this look), read only when the database cannot be.
  const engine = await openCliEngine(options.config, io, {
    mustExist: true,
    access: "read-write-else-read-only",
  });
  try {
    const page = await engine.checks.listChecks({
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
    const now = nowOf(io);
    // "The last look" is the previous listing of the newest checks. Listing them records this
    // look; an older page (--cursor) belongs to the look that listed the first one, so it
    // compares with the look before that.
    const looks = await engine.checks.historyLooks();
    const lookedAt = options.cursor ? looks.previous : looks.latest;
    const changes = await verdictChanges(engine.checks, page.checks, lookedAt);
    if (!options.cursor && !engine.readOnly) await engine.checks.recordHistoryLook(now);
    const lines: HistoryLine[] = page.checks.map((summary) => {
      const change = changes.get(summary.check.id);
      return {
        ...summary,
        stale: isStale(
          summary.latest.checkedAt,
          freshnessDaysOf(summary.check, options.configuredFreshnessDays),
          now,
        ),
        ...(change ? { changedSinceLastLook: change } : {}),
      };
    });
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify({
          checks: lines,
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
          ...(lookedAt ? { lastLook: lookedAt } : {}),
        })}\n`,
      );
    } else {
      io.stdout.write(`${renderHistoryText(lines, lookedAt)}\n`);
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
