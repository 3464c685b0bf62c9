// One input row of a batch: a claim to check (with its origin), or why the row cannot be.
import type { ClaimOrigin } from "../core/schema/check.js";

/** Where a row came from: its number among the data rows (1-based) and its first file line. */
export interface RowPosition {
  row: number;
  line?: number;
}

export type BatchRow =
  | (RowPosition & { kind: "claim"; input: string; origin?: ClaimOrigin })
  /** Unreadable or unusable: `input` is the raw line, `reason` says what to fix. */
  | (RowPosition & { kind: "bad"; input: string; reason: string });
