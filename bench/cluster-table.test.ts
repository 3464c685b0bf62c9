import { describe, expect, it } from "vitest";
import { checkIdForInput } from "../dist/text/check-id.js";
import { distinctClaims } from "./cluster-claims.ts";
import { formatClusterTable, formatCpuTable, type SetupFigures } from "./cluster-table.ts";

const checks = (checksPerSecond: number, waitP50: number) => ({
  checks: 10,
  seconds: 10 / checksPerSecond,
  checksPerSecond,
  waitP50,
  waitP95: waitP50 * 2,
  doneP50: waitP50 + 100,
  ids: [],
});

describe("the cluster benchmark's claims", () => {
  it("are as many as asked for, each with its own check id", () => {
    const claims = distinctClaims(1000);
    expect(claims).toHaveLength(1000);
    expect(new Set(claims.map((c) => checkIdForInput(c))).size).toBe(1000);
  });
});

describe("the cluster benchmark's table", () => {
  const rows: SetupFigures[] = [
    { setup: "SQLite", checks: checks(4, 2000), page: read(800, 40), api: read(1000, 30) },
    { setup: "queue, 2 workers", checks: checks(2, 5000) },
    { setup: "PostgreSQL, 2 servers", page: read(400, 80), api: read(500, 60) },
  ];

  it("puts each figure beside its ratio to the first row", () => {
    const table = formatClusterTable(rows);
    expect(table).toContain("4.00 (1.00×)");
    expect(table).toContain("2.00 (0.50×)");
    expect(table).toContain("5.0 (2.50×)");
    expect(table).toContain("400 (0.50×)");
    expect(table).toContain("80 (2.00×)");
  });

  it("shows a dash where a setup did not measure a figure", () => {
    const line = formatClusterTable(rows).split("\n")[3] ?? "";
    expect(line.startsWith("queue, 2 workers")).toBe(true);
    expect(line).toContain("—");
  });

  it("says how many cores each phase kept busy", () => {
    const cpu = formatCpuTable([
      {
        setup: "SQLite",
        checks: checks(4, 2000),
        checksCpu: { wallSeconds: 10, seconds: { client: 1, servers: 15 }, machineSeconds: 19 },
      },
    ]);
    expect(cpu).toContain("1.60");
    expect(cpu).toContain("1.90");
    // 16 CPU-s over 10 checks.
    expect(cpu).toContain("1600.0");
  });
});

function read(requestsPerSecond: number, p99: number) {
  return { requests: requestsPerSecond * 10, requestsPerSecond, p50: p99 / 4, p99, failures: 0 };
}
