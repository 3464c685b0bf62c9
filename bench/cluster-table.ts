// The cluster benchmark's one table: each setup's figures, and beside each its ratio to the
// single-process SQLite server (the first row) measured in the same run.
import type { CheckLoadFigures, ReadFigures } from "./cluster-load.ts";
import type { CpuPhase } from "./cpu-time.ts";
import { formatTable } from "./table.ts";

export interface SetupFigures {
  setup: string;
  checks?: CheckLoadFigures;
  page?: ReadFigures;
  api?: ReadFigures;
  checksCpu?: CpuPhase;
  readsCpu?: CpuPhase;
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

/**
 * One row per measured phase: wall seconds, each group's CPU seconds, the cores kept busy, and
 * the CPU one check (or one page read) cost all our processes together.
 */
export function formatCpuTable(rows: readonly SetupFigures[]): string {
  const phases = rows.flatMap((row) => [
    ...(row.checksCpu
      ? [{ setup: row.setup, phase: "checks", cpu: row.checksCpu, items: row.checks?.checks }]
      : []),
    ...(row.readsCpu
      ? [
          {
            setup: row.setup,
            phase: "reads",
            cpu: row.readsCpu,
            items: (row.page?.requests ?? 0) + (row.api?.requests ?? 0),
          },
        ]
      : []),
  ]);
  const groups = [...new Set(phases.flatMap((p) => Object.keys(p.cpu.seconds)))];
  const header = [
    "setup",
    "phase",
    "wall s",
    ...groups,
    "busy cores",
    "machine busy cores",
    "CPU ms per check or request",
  ];
  const body = phases.map(({ setup, phase, cpu, items }) => {
    const all = Object.values(cpu.seconds).reduce((a, b) => a + b, 0);
    return [
      setup,
      phase,
      cpu.wallSeconds.toFixed(1),
      ...groups.map((g) => (cpu.seconds[g] ?? 0).toFixed(1)),
      (all / cpu.wallSeconds).toFixed(2),
      (cpu.machineSeconds / cpu.wallSeconds).toFixed(2),
      items ? ((all / items) * 1000).toFixed(1) : "—",
    ];
  });
  return formatTable([header, ...body]);
}
