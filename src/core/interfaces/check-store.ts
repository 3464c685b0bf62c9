// Where checks, their dated versions and readers' feedback are kept.
import type { Check, CheckVersion, ClaimOrigin, Feedback } from "../schema/check.js";
import type { VerdictLabel } from "../schema/verdict.js";
import type { ExportedCheck, ExportPage, ImportTally } from "./store-export.js";

/** The right to write the next version of a check, held while that version runs. */
export interface RunLease {
  checkId: string;
  /** The version number the run will be stored as. */
  n: number;
  /** Identifies this holder; only it can renew, commit or abandon the run. */
  token: string;
  startedAt: string;
}

export interface FeedbackOptions {
  /** Who rated; one rating per rater and version is kept. Never stored or returned as given. */
  rater?: string;
}

export interface FeedbackTally {
  helpful: number;
  notHelpful: number;
}

/** One stored version, as lists show it. */
export interface VersionSummary {
  n: number;
  checkedAt: string;
  verdict: { label: VerdictLabel; confidence: number };
  sources: number;
  feedback: FeedbackTally;
}

/** A check with the list of its versions, oldest first. */
export interface StoredCheck {
  check: Check;
  versions: VersionSummary[];
  /** A run of this check in progress right now, if any. */
  running?: { n: number; startedAt: string };
}

/** A line of history: a check and its latest version. */
export interface CheckSummary {
  check: Check;
  latest: VersionSummary;
  versionCount: number;
}

/** A check whose latest version is old enough to be run again, as the stale list gives it. */
export interface StaleCheck {
  check: Check;
  latest: VersionSummary;
  /** How often its page (or its API record) was served. */
  views: number;
}

export interface StaleQuery {
  /** The clock the ages are measured against. */
  now: Date;
  /** Only checks whose latest version is more than this many days old (and older than the check's own freshness window, when it has one). */
  minAgeDays: number;
  limit: number;
}

/** The last two times the history's first page was listed, newest first; absent when never. */
export interface HistoryLooks {
  latest?: string;
  previous?: string;
}

export interface CheckPage {
  checks: CheckSummary[];
  /** Pass back as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

export interface CheckStore {
  /**
   * Takes the run lock of `checkId` for its next version. Throws FactuallyError(CONFLICT) while
   * another live run holds it; a lock left behind by a process that died is taken over.
   */
  beginVersion(checkId: string, now?: Date): Promise<RunLease>;
  /** Tells other processes the run is still alive (a lock not renewed for a minute is free). */
  renewLease(lease: RunLease, now?: Date): Promise<void>;
  /**
   * Stores the check (created on its first version, its origin and freshness updated when given)
   * and the complete version, and releases the lock: one transaction, so a version is seen
   * whole or not at all.
   */
  commitVersion(lease: RunLease, check: Check, version: CheckVersion): Promise<void>;
  /** Releases the lock without storing anything (the run failed or was cancelled). */
  abandonVersion(lease: RunLease): Promise<void>;
  getCheck(id: string): Promise<StoredCheck | undefined>;
  /** A complete version; undefined when the check or that version does not exist. */
  getVersion(id: string, n: number): Promise<CheckVersion | undefined>;
  /** Checks, most recently checked first. */
  listChecks(options: { limit: number; cursor?: string }): Promise<CheckPage>;
  /**
   * Stores one reader's rating; throws FactuallyError(NOT_FOUND) for an unknown check or version.
   * With a `rater` (who rated, e.g. a client's address prefix; kept only as a salted hash), a
   * later rating of the same version by the same rater replaces the earlier one, comment
   * included; without one (the CLI) every rating is kept.
   */
  addFeedback(feedback: Feedback, options?: FeedbackOptions): Promise<void>;
  /** Every rating of a version, oldest first (comments included). */
  listFeedback(id: string, n: number): Promise<Feedback[]>;
  /** Sets (or, with undefined, clears) a check's own freshness window in days. */
  setFreshness(id: string, days: number | undefined): Promise<void>;
  /** Records who made the claim and where it appeared. */
  setOrigin(id: string, origin: ClaimOrigin): Promise<void>;
  /**
   * Counts one serving of the check's page or API record (no-op for an unknown check). Callers
   * treat it as best effort: a failure here must never fail the page.
   */
  recordView(id: string): Promise<void>;
  /**
   * Checks due for a refresh, whose run lock is not held: whole days since the latest version,
   * most first; within the same day, most viewed first; then oldest version, then id.
   */
  listStale(query: StaleQuery): Promise<StaleCheck[]>;
  /** Versions after a check's first (refreshes and forced re-runs) checked at or after `since`. */
  countRefreshes(since: Date): Promise<number>;
  /** When `factually history` last listed the newest checks, and the time before that (ISO dates). */
  historyLooks(): Promise<HistoryLooks>;
  /** Records a listing of the newest checks at `at`; the latest look becomes the previous one. */
  recordHistoryLook(at: Date): Promise<void>;
  /** Checks in id order (byte order), each with every finished version and all its feedback. */
  exportChecks(page: ExportPage): Promise<ExportedCheck[]>;
  /**
   * Writes exported checks as they are (same ids, version numbers, dates and ratings) in one
   * transaction: versions already stored are left alone, missing ratings are added, and the
   * check's freshness and origin take the exported values.
   */
  importChecks(checks: readonly ExportedCheck[]): Promise<ImportTally>;
}
