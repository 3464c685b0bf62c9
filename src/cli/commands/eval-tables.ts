// The tables the benchmark reports share: scores per row (a row per subset or labelling),
// a confusion matrix, and the calibration of stated confidence by bin.
import type { CalibrationBin } from "../../eval/calibration.js";
import { formatTable } from "../terminal-table.js";

export interface ScoreRow {
  /** What the row scores ("all claims", "unseen evidence"…). */
  label: string;
  count: number;
  accuracy: number;
  macro_f1: number;
  /** F1 of each label the row has; a column the row lacks prints "—". */
  f1: Readonly<Record<string, number>>;
  /** Values of the extra columns, already formatted. */
  extra: readonly string[];
}

export interface ScoreColumns {
  /** "claims" or "pairs". */
  count: string;
  /** Every label any row has, in order. */
  labels: readonly string[];
  /** Short names for long labels. */
  short?: Readonly<Partial<Record<string, string>>>;
  extra: readonly string[];
}

const f3 = (x: number) => x.toFixed(3);

/** One row per subset or labelling: count, accuracy, macro-F1, F1 per label, then the extras. */
export function scoreTable(columns: ScoreColumns, rows: readonly ScoreRow[]): string {
  const name = (l: string) => columns.short?.[l] ?? l;
  return formatTable([
    [
      "",
      columns.count,
      "accuracy",
      "macro-F1",
      ...columns.labels.map((l) => `F1 ${name(l)}`),
      ...columns.extra,
    ],
    ...rows.map((r) => [
      r.label,
      String(r.count),
      f3(r.accuracy),
      f3(r.macro_f1),
      ...columns.labels.map((l) => (r.f1[l] === undefined ? "—" : f3(r.f1[l]))),
      ...r.extra,
    ]),
  ]);
}

/** Rows gold, columns predicted. */
export function confusionTable(
  labels: readonly string[],
  confusion: readonly (readonly number[])[],
  short?: Readonly<Partial<Record<string, string>>>,
): string {
  const name = (l: string) => short?.[l] ?? l;
  return formatTable([
    ["gold \\ predicted", ...labels.map(name)],
    ...labels.map((g, i) => [name(g), ...(confusion[i] ?? []).map(String)]),
  ]);
}

/** The non-empty confidence bins: count, mean confidence, accuracy. */
export function calibrationTable(bins: readonly CalibrationBin[]): string {
  const filled = bins.filter((b) => b.count > 0);
  return formatTable([
    ["confidence", "claims", "mean confidence", "accuracy"],
    ...filled.map((b) => [
      `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
      String(b.count),
      f3(b.confidence ?? 0),
      f3(b.accuracy ?? 0),
    ]),
  ]);
}
