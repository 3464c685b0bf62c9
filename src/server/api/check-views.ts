// The JSON shapes of stored checks, as the CLI's `--json` prints them: a version with its
// record facts (staleness, feedback tally, every version), a refresh with its diff, history.
import type { z } from "zod";
import { FactuallyError } from "../../core/errors.js";
import type { CheckPage, StoredCheck } from "../../core/interfaces/check-store.js";
import type { CheckVersion } from "../../core/schema/check.js";
import { requireCheck, requireVersion } from "../../records/lookup.js";
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { diffVersions } from "../../records/version-diff.js";
import type { ServerContext } from "../context.js";
import { runBeside } from "../run-status.js";
import type { CheckView, HistoryPage, RefreshedCheck } from "./response-schemas.js";

/** Version `n` (default: the latest) of check `id` with its record facts; NOT_FOUND otherwise. */
export async function checkView(
  ctx: ServerContext,
  id: string,
  n?: number,
): Promise<z.infer<typeof CheckView>> {
  const { version } = await requireVersion(ctx.engine.checks, id, n);
  const stored = await requireCheck(ctx.engine.checks, version.checkId);
  const run = await runBeside(ctx, version.checkId);
  return { ...viewOf(ctx, stored, version), ...(run ? { run } : {}) };
}

function viewOf(
  ctx: ServerContext,
  stored: StoredCheck,
  version: CheckVersion,
): z.infer<typeof CheckView> {
  const summary = stored.versions.find((v) => v.n === version.n);
  return {
    check: stored.check,
    version,
    stale: isStale(
      version.checkedAt,
      freshnessDaysOf(stored.check, ctx.config.freshnessDays),
      ctx.now(),
    ),
    feedback: summary?.feedback ?? { helpful: 0, notHelpful: 0 },
    versions: stored.versions,
  };
}

/**
 * Version `n` of check `id` compared with the version before it, as `refresh --json` prints
 * it. CONFLICT when there is none: a refresh that joined a first check of the same claim.
 */
export async function refreshView(
  ctx: ServerContext,
  id: string,
  n: number,
  joined: boolean,
): Promise<z.infer<typeof RefreshedCheck>> {
  const stored = await requireCheck(ctx.engine.checks, id);
  const { check, version } = await requireVersion(ctx.engine.checks, id, n);
  const before = stored.versions.filter((v) => v.n < n).at(-1);
  const previous = before && (await ctx.engine.checks.getVersion(id, before.n));
  if (!previous) {
    throw new FactuallyError(
      "CONFLICT",
      `check ${id} was being checked for the first time when the refresh arrived, so there is nothing to compare; refresh it again`,
      { target: id },
    );
  }
  return {
    check,
    version,
    previous: { n: previous.n, checkedAt: previous.checkedAt },
    diff: diffVersions(previous, version),
    joined,
  };
}

/** One page of history, most recently checked first, as `history --json` prints it. */
export async function historyPage(
  ctx: ServerContext,
  options: { limit: number; cursor?: string },
): Promise<z.infer<typeof HistoryPage>> {
  let page: CheckPage;
  try {
    page = await ctx.engine.checks.listChecks(options);
  } catch (error) {
    if (error instanceof FactuallyError && error.code === "BAD_INPUT") {
      throw new FactuallyError("BAD_INPUT", `cursor: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const now = ctx.now();
  return {
    checks: page.checks.map((summary) => ({
      ...summary,
      stale: isStale(
        summary.latest.checkedAt,
        freshnessDaysOf(summary.check, ctx.config.freshnessDays),
        now,
      ),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
