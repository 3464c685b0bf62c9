// Checks as durable records: run-and-store under the check's run lock, reuse of a fresh
// stored version, and refresh as version n+1 with what changed.

import type { CheckStore } from "../core/interfaces/check-store.js";
import type { Check, CheckVersion, ClaimOrigin } from "../core/schema/check.js";
import {
  type CheckDependencies,
  type CheckOptions,
  type CheckResult,
  runCheck,
  settingsFor,
} from "../pipeline/run.js";
import { noCheck, requireCheck } from "../records/lookup.js";
import { freshnessDaysOf, isStale } from "../records/staleness.js";
import { diffVersions, type VersionDiff } from "../records/version-diff.js";
import { checkIdForInput } from "../text/check-id.js";

export interface StoredRunOptions extends Omit<CheckOptions, "versionNumber"> {
  /** Who made the claim and where, when known; kept on the check. */
  origin?: ClaimOrigin;
  /** A freshness window for this check only, in days; kept on the check. */
  freshnessDays?: number;
  /** How often the run tells other processes it is alive (ms). */
  heartbeatMs?: number;
}

export interface ReuseOptions extends StoredRunOptions {
  /** Run a new version even when a fresh one is stored. */
  fresh?: boolean;
  /** The configured freshness window, in days. */
  configuredFreshnessDays: number;
}

/** Why `checkOrReuse` ran a new version, or that it did not. */
export type CheckOutcome =
  | "reused"
  | "first"
  | "forced"
  | "stale"
  /** The stored version was made with other providers, models or limits. */
  | "settings-changed";

export interface StoredCheckResult extends CheckResult {
  outcome: CheckOutcome;
}

export interface RefreshResult extends CheckResult {
  previous: CheckVersion;
  diff: VersionDiff;
}

const HEARTBEAT_MS = 15_000;

/** Runs `input` as the next version of its check and stores it; nothing is stored on failure. */
export async function runAndStore(
  store: CheckStore,
  deps: CheckDependencies,
  input: string,
  options: StoredRunOptions = {},
): Promise<CheckResult> {
  const id = checkIdForInput(input);
  const now = options.now ?? (() => new Date());
  const lease = await store.beginVersion(id, now());
  const heartbeat = setInterval(() => {
    store.renewLease(lease).catch(() => {
      // A lost lock is reported by commitVersion, which refuses to store the version.
    });
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const result = await runCheck(input, deps, { ...options, versionNumber: lease.n });
    const existing = (await store.getCheck(id))?.check;
    const check: Check = {
      ...(existing ?? result.check),
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.freshnessDays ? { freshnessDays: options.freshnessDays } : {}),
    };
    await store.commitVersion(lease, check, result.version);
    return { check, version: result.version };
  } catch (error) {
    await store.abandonVersion(lease);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * The stored check of `input` when its latest version is fresh and was made the same way as
 * this run would make it; otherwise a new version, run and stored.
 */
export async function checkOrReuse(
  store: CheckStore,
  deps: CheckDependencies,
  input: string,
  options: ReuseOptions,
): Promise<StoredCheckResult> {
  const id = checkIdForInput(input);
  const stored = await store.getCheck(id);
  const latest = stored?.versions.at(-1);
  let outcome: CheckOutcome = "first";
  if (stored && latest) {
    const now = (options.now ?? (() => new Date()))();
    const days = freshnessDaysOf(stored.check, options.configuredFreshnessDays);
    const version = await store.getVersion(id, latest.n);
    if (options.fresh) outcome = "forced";
    else if (isStale(latest.checkedAt, options.freshnessDays ?? days, now)) outcome = "stale";
    else if (version && !sameSettings(version, deps, options)) outcome = "settings-changed";
    else if (version) {
      const check = await keepCheckOptions(store, stored.check, options);
      return { check, version, outcome: "reused" };
    }
  }
  const result = await runAndStore(store, deps, input, options);
  return { ...result, outcome };
}

/** Runs the check `id` again as its next version and compares it with the latest one. */
export async function refreshCheck(
  store: CheckStore,
  deps: CheckDependencies,
  id: string,
  options: StoredRunOptions = {},
): Promise<RefreshResult> {
  const stored = await requireCheck(store, id);
  const latest = stored.versions.at(-1);
  const previous = latest && (await store.getVersion(id, latest.n));
  if (!previous) throw noCheck(id);
  const result = await runAndStore(store, deps, stored.check.input, {
    // The limits the refreshed version was made with, so the diff shows what changed in the
    // sources rather than a changed knob.
    ...(previous.settings.limits ? { limits: previous.settings.limits } : {}),
    ...options,
    ...(stored.check.origin && !options.origin ? { origin: stored.check.origin } : {}),
  });
  return { ...result, previous, diff: diffVersions(previous, result.version) };
}

function sameSettings(
  version: CheckVersion,
  deps: CheckDependencies,
  options: StoredRunOptions,
): boolean {
  return (
    JSON.stringify(version.settings) === JSON.stringify(settingsFor(deps, options.limits ?? {}))
  );
}

/** A reused check still takes a freshness window or origin given with this request. */
async function keepCheckOptions(
  store: CheckStore,
  check: Check,
  options: StoredRunOptions,
): Promise<Check> {
  let kept = check;
  if (options.freshnessDays && options.freshnessDays !== check.freshnessDays) {
    await store.setFreshness(check.id, options.freshnessDays);
    kept = { ...kept, freshnessDays: options.freshnessDays };
  }
  if (options.origin) {
    const origin = { ...check.origin, ...options.origin };
    await store.setOrigin(check.id, origin);
    kept = { ...kept, origin };
  }
  return kept;
}
