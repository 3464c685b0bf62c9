// The cluster benchmark's one table: each setup's figures, and beside each its ratio to the
// single-process SQLite server (the first row) measured in the same run.
import type { CheckLoadFigures, ReadFigures } from "./cluster-load.ts";
import { formatTable } from "./table.ts";

export interface SetupFigures {
  setup: string;
  checks?: CheckLoadFigures;
  page?: ReadFigures;
  api?: ReadFigures;
}

const HEADER = [
  "setup",
  "checks/s",
  "wait p50 s",
  "wait p95 s",
  "check page req/s",
  "page p99 ms",
  "API req/s",
  "API p99 ms",
];

/** Rows with "value (ratio×)" cells; the first row is the baseline the ratios divide by. */
export function formatClusterTable(rows: readonly SetupFigures[]): string {
  const [base] = rows;
  const cell = (value: number | undefined, baseValue: number | undefined, digits: number) => {
    if (value === undefined) return "—";
    const shown = value.toFixed(digits);
    if (baseValue === undefined || baseValue === 0) return shown;
    return `${shown} (${(value / baseValue).toFixed(2)}×)`;
  };
  const body = rows.map((row) => [
    row.setup,
    cell(row.checks?.checksPerSecond, base?.checks?.checksPerSecond, 2),
    cell(secs(row.checks?.waitP50), secs(base?.checks?.waitP50), 1),
    cell(secs(row.checks?.waitP95), secs(base?.checks?.waitP95), 1),
    cell(row.page?.requestsPerSecond, base?.page?.requestsPerSecond, 0),
    cell(row.page?.p99, base?.page?.p99, 0),
    cell(row.api?.requestsPerSecond, base?.api?.requestsPerSecond, 0),
    cell(row.api?.p99, base?.api?.p99, 0),
  ]);
  const failures = rows.flatMap((row) =>
    [row.page, row.api].some((r) => (r?.failures ?? 0) > 0)
      ? [`${row.setup}: ${(row.page?.failures ?? 0) + (row.api?.failures ?? 0)} failed reads`]
      : [],
  );
  return [formatTable([HEADER, ...body]), ...failures].join("\n");
}

function secs(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}
