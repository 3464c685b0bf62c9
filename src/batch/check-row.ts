// Checks one batch row through the stored-check records: reuse a fresh version, or run and store.

import type { StoredCheckResult } from "../assemble/stored-check.js";
import type { ClaimOrigin } from "../core/schema/check.js";
import { checkIdForInput } from "../text/check-id.js";
import type { BatchRow } from "./batch-row.js";
import { type BatchResultLine, badRowLine, checkedLine, errorLine } from "./result-line.js";
import { createSingleFlight } from "./single-flight.js";

/** Checks one text, reusing a fresh stored version unless `fresh` (the engine's `check`). */
export type CheckOne = (
  request: { text: string; origin?: ClaimOrigin },
  controls: { signal: AbortSignal; fresh: boolean },
) => Promise<StoredCheckResult>;

export interface RowCheckerOptions {
  check: CheckOne;
  /** Run a new version of each distinct check once, even when a fresh one is stored. */
  fresh: boolean;
}

/**
 * A `checkOne` for runBatch. Rows whose text has the same check id while one of them runs share
 * that run (the store's run lock would refuse the second with CONFLICT) and report it "reused".
 * Rejects only when `signal` was aborted, so cancelled rows are never written as failures.
 */
export function createRowChecker(
  options: RowCheckerOptions,
): (row: BatchRow, signal: AbortSignal) => Promise<BatchResultLine> {
  const inFlight = createSingleFlight<string, StoredCheckResult>();
  // With --fresh, a text repeated later in the batch reuses the version this batch just made.
  const ranFresh = new Set<string>();
  return async (row, signal) => {
    if (row.kind === "bad") return badRowLine(row);
    let id: string | undefined;
    try {
      const checkId = checkIdForInput(row.input);
      id = checkId;
      const fresh = options.fresh && !ranFresh.has(checkId);
      const { promise, shared } = inFlight.run(checkId, () =>
        options.check(
          { text: row.input, ...(row.origin ? { origin: row.origin } : {}) },
          { signal, fresh },
        ),
      );
      const result = await promise;
      if (fresh) ranFresh.add(checkId);
      return checkedLine(row, shared ? { ...result, outcome: "reused" } : result);
    } catch (error) {
      if (signal.aborted) throw error;
      return errorLine(row, error, id);
    }
  };
}
