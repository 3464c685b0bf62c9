// A store read out in pages in a fixed order, and pages written back as they are: what
// `factually db copy` moves between two stores.
import type { Check, CheckVersion, Feedback } from "../schema/check.js";

/**
 * One page of an export: the rows after `after` (an id, compared byte by byte) up to `limit`.
 * Paged methods, not async iterables, so that no reader holds a transaction open for a whole
 * copy (a server keeps writing), and so the last id of a page is all a copy needs to go on.
 */
export interface ExportPage {
  /** The last id of the previous page; absent for the first page (every id is non-empty). */
  after?: string;
  limit: number;
}

/** What an import did: rows added, rows changed to match, and rows already identical. */
export interface ImportTally {
  added: number;
  updated: number;
  unchanged: number;
}

/** A check with everything stored about it: its row, every finished version and their feedback. */
export interface ExportedCheck {
  check: Check;
  /** The normalised input the check is found by. */
  normalized: string;
  /** Oldest first. */
  versions: CheckVersion[];
  /** Every rating of every version, oldest first. */
  feedback: Feedback[];
  /**
   * How often its page was viewed. It travels with the check because it decides which stale
   * checks refresh first; an import takes the exported count, like freshness and origin.
   */
  views: number;
}

/** Counts what happened to each row of an import. */
export function tallyOf(outcomes: ReadonlyArray<keyof ImportTally>): ImportTally {
  const tally: ImportTally = { added: 0, updated: 0, unchanged: 0 };
  for (const outcome of outcomes) tally[outcome] += 1;
  return tally;
}
