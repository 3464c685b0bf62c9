// Refreshing stale checks on one process: the most due first, within a limit, each outcome
// tallied (verdict changed, skipped because someone else runs it, failed with its reason).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { type Engine, openEngine } from "./engine.js";
import { dueRefreshes, pickStale, refreshStale, remainingBudget } from "./stale-refresh.js";

const DAY = 86_400_000;
const T0 = new Date("2026-06-01T12:00:00.000Z");
const UNRELATED = {
  id: "apples",
  title: "Apples in cold storage",
  text: "Apples keep well in cold storage for several months when the air is kept dry.",
};
const EVIDENCE = [
  {
    id: "trial",
    title: "Vitamin D and influenza in schoolchildren",
    text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial. The effect was largest in children who had not taken supplements before.",
  },
  {
    id: "trial-2",
    title: "Vitamin D supplements cut influenza in schoolchildren",
    text: "A second randomised trial confirmed that vitamin D supplements reduce influenza in schoolchildren.",
  },
];
const CLAIMS = [
  "Vitamin D supplements reduce influenza in schoolchildren.",
  "Apples keep well in cold storage.",
  "Apples keep for months when the air is dry.",
];

let dir: string;
let engine: Engine;
let clock: Date;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-stale-"));
  clock = T0;
  const config = loadConfig({ cwd: dir, env: { FACTUALLY_DB: join(dir, "stale.db") } });
  engine = await openEngine(config, { model: "offline", now: () => clock });
  await engine.corpus.upsertDocuments([UNRELATED]);
  // Checked on three days: CLAIMS[0] oldest.
  for (const [i, text] of CLAIMS.entries()) {
    clock = new Date(T0.getTime() + i * DAY);
    await engine.check({ text });
  }
  clock = new Date(T0.getTime() + 40 * DAY);
});
afterEach(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const idOf = async (text: string) => {
  const page = await engine.checks.listChecks({ limit: 10 });
  const found = page.checks.find((c) => c.check.input === text);
  if (!found) throw new Error(`no check of ${text}`);
  return found.check.id;
};

describe("refreshStale", () => {
  it("refreshes the most due checks up to the limit and tallies changed verdicts", async () => {
    await engine.corpus.upsertDocuments(EVIDENCE);
    const before = (await engine.checks.getCheck(await idOf(CLAIMS[0] as string)))?.versions;
    const tally = await refreshStale(engine, { limit: 2, minAgeDays: 30, now: () => clock });
    expect(tally.outcomes.map((o) => [o.input, o.status])).toEqual([
      [CLAIMS[0], "ok"],
      [CLAIMS[1], "ok"],
    ]);
    expect(tally).toMatchObject({ picked: 2, refreshed: 2, skipped: 0, failed: 0 });
    const [first] = tally.outcomes;
    expect(first).toMatchObject({ status: "ok", n: 2, from: before?.[0]?.verdict.label });
    // The new evidence supports the vitamin D claim its first version had nothing for.
    expect(first?.status === "ok" && first.to).not.toBe(before?.[0]?.verdict.label);
    expect(tally.changed).toBe(1);
    // Only the third is still stale.
    const left = await pickStale(engine.checks, { budget: 10, minAgeDays: 30, now: clock });
    expect(left.map((s) => s.check.input)).toEqual([CLAIMS[2]]);
  });

  it("skips a check someone else starts running after it was picked, and goes on", async () => {
    const second = await idOf(CLAIMS[1] as string);
    const tally = await refreshStale(engine, {
      limit: 3,
      minAgeDays: 30,
      now: () => clock,
      onProgress: async ({ index, outcome }) => {
        // Another process takes the second check's run lock while the first one refreshes.
        if (index === 0 && !outcome) await engine.checks.beginVersion(second, clock);
      },
    });
    expect(tally.outcomes.map((o) => o.status)).toEqual(["ok", "skipped", "ok"]);
    expect(tally.outcomes[1]).toMatchObject({
      id: second,
      reason: expect.stringContaining("already running"),
    });
    expect(tally).toMatchObject({ refreshed: 2, skipped: 1, failed: 0, cancelled: false });
  });

  it("stops when cancelled: the check under way fails with the reason, the rest are left", async () => {
    const controller = new AbortController();
    let events = 0;
    const tally = await refreshStale(engine, {
      limit: 3,
      minAgeDays: 30,
      now: () => clock,
      signal: controller.signal,
      onEvent: () => {
        events += 1;
        if (events === 2) controller.abort(new Error("stopped by the operator"));
      },
    });
    expect(tally.cancelled).toBe(true);
    expect(tally.outcomes).toHaveLength(1);
    expect(tally.outcomes[0]).toMatchObject({ status: "failed", reason: expect.any(String) });
    expect(tally.failed).toBe(1);
    const stored = await engine.checks.getCheck(await idOf(CLAIMS[0] as string));
    expect(stored?.versions).toHaveLength(1);
    expect(stored?.running).toBeUndefined();
  });
});

describe("the daily budget", () => {
  it("is the day's allowance less the refreshes of the last 24 hours", async () => {
    expect(await remainingBudget(engine.checks, 2, clock)).toBe(2);
    await refreshStale(engine, { limit: 1, minAgeDays: 30, now: () => clock });
    expect(await remainingBudget(engine.checks, 2, clock)).toBe(1);
    expect(await remainingBudget(engine.checks, 1, clock)).toBe(0);
    // A day and a minute later the refresh no longer counts.
    const tomorrow = new Date(clock.getTime() + DAY + 60_000);
    expect(await remainingBudget(engine.checks, 2, tomorrow)).toBe(2);
  });

  it("gives a scheduler the remaining budget's worth of stale checks, and none once spent", async () => {
    const settings = { perDay: 2, minAgeDays: 30 };
    const due = await dueRefreshes(engine.checks, settings, clock);
    expect(due.map((s) => s.check.input)).toEqual([CLAIMS[0], CLAIMS[1]]);
    await refreshStale(engine, { limit: 2, minAgeDays: 30, now: () => clock });
    expect(await dueRefreshes(engine.checks, settings, clock)).toEqual([]);
    expect(await pickStale(engine.checks, { budget: 0, minAgeDays: 1, now: clock })).toEqual([]);
  });
});
