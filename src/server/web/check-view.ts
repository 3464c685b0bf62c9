// Everything the check page and the changes page show, loaded from the store: the version, its
// neighbours, staleness and whether a new version is being made.
import type { StoredCheck } from "../../core/interfaces/check-store.js";
import { CheckId, type CheckVersion } from "../../core/schema/check.js";
import { freshnessDaysOf, isStale } from "../../records/staleness.js";
import { diffVersions, type VersionDiff } from "../../records/version-diff.js";
import type { ServerContext } from "../context.js";
import { runBeside } from "../run-status.js";

export type Loaded<T> = { found: true; value: T } | { found: false; message?: string };

export interface LoadedCheck {
  stored: StoredCheck;
  version: CheckVersion;
  latestN: number;
  stale: boolean;
  running: boolean;
  /** The last attempt at a new version failed (kept a day, until a run succeeds). */
  failure?: { reason: string; at: string };
  /** From the previous version, when this is the newest of several. */
  diff?: VersionDiff;
}

/** Version `n` (the newest when undefined) of check `id`, or why there is none. */
export async function loadCheck(
  ctx: ServerContext,
  id: string,
  n: number | undefined,
): Promise<Loaded<LoadedCheck>> {
  if (!CheckId.safeParse(id).success) return { found: false };
  const stored = await ctx.engine.checks.getCheck(id);
  const latestN = stored?.versions.at(-1)?.n;
  if (!stored || latestN === undefined) return { found: false };
  const version = await ctx.engine.checks.getVersion(id, n ?? latestN);
  if (!version) return { found: false, message: noVersion(stored, n ?? latestN) };
  const days = freshnessDaysOf(stored.check, ctx.config.freshnessDays);
  const index = stored.versions.findIndex((v) => v.n === version.n);
  const previousN = index > 0 ? stored.versions[index - 1]?.n : undefined;
  const previous =
    version.n === latestN && previousN !== undefined
      ? await ctx.engine.checks.getVersion(id, previousN)
      : undefined;
  const run = await runBeside(ctx, id);
  return {
    found: true,
    value: {
      stored,
      version,
      latestN,
      stale: isStale(version.checkedAt, days, ctx.now()),
      running: stored.running !== undefined || run?.state === "queued" || run?.state === "running",
      ...(run?.state === "failed" ? { failure: { reason: run.reason, at: run.at } } : {}),
      ...(previous ? { diff: diffVersions(previous, version) } : {}),
    },
  };
}

/** Two versions of check `id` and their difference, or why they cannot be compared. */
export async function loadChanges(
  ctx: ServerContext,
  id: string,
  from: number | undefined,
  to: number | undefined,
): Promise<
  Loaded<{ stored: StoredCheck; from: CheckVersion; to: CheckVersion; diff: VersionDiff }>
> {
  if (!CheckId.safeParse(id).success) return { found: false };
  const stored = await ctx.engine.checks.getCheck(id);
  const latestN = stored?.versions.at(-1)?.n;
  if (!stored || latestN === undefined) return { found: false };
  const toN = to ?? latestN;
  const fromN = from ?? toN - 1;
  if (stored.versions.length < 2) {
    return {
      found: false,
      message: "This check has only one version, so nothing has changed yet.",
    };
  }
  const [older, newer] = await Promise.all([
    ctx.engine.checks.getVersion(id, fromN),
    ctx.engine.checks.getVersion(id, toN),
  ]);
  if (!older) return { found: false, message: noVersion(stored, fromN) };
  if (!newer) return { found: false, message: noVersion(stored, toN) };
  return {
    found: true,
    value: { stored, from: older, to: newer, diff: diffVersions(older, newer) },
  };
}

function noVersion(stored: StoredCheck, n: number): string {
  const count = stored.versions.length;
  return `This check has no version ${n}; it has ${count === 1 ? "only version 1" : `versions 1 to ${stored.versions.at(-1)?.n}`}.`;
}
