// `factually refresh --stale` in process with a controllable clock: the most due checks first,
// within --limit or the configured daily budget, a line per check, and exit 2 for bad input.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCaptured } from "../captured-io.js";

const CORPUS = resolve(import.meta.dirname, "../../../test/fixtures/check/corpus.jsonl");
const CLAIMS = [
  "Face masks reduce the transmission of respiratory viruses.",
  "Heavy rain is expected on Tuesday.",
];
const DAY = 86_400_000;
const T0 = Date.parse("2026-05-01T10:00:00Z");

let dir: string;
let db: string;
let clock = T0;
const ids: string[] = [];

function cli(args: string[], env: Record<string, string> = {}) {
  return runCaptured([...args, "--db", db], { cwd: dir, env, now: () => new Date(clock) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-refresh-stale-"));
  db = join(dir, "stale.db");
  ids.length = 0;
  clock = T0;
  expect((await cli(["ingest", CORPUS])).code).toBe(0);
  for (const [i, claim] of CLAIMS.entries()) {
    clock = T0 + i * DAY;
    const run = await cli(["check", claim, "--json"]);
    ids.push((JSON.parse(run.stdout) as { check: { id: string } }).check.id);
  }
  clock = T0 + 40 * DAY;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("factually refresh --stale", () => {
  it("refreshes the oldest stale check first, a line each, up to --limit", async () => {
    const run = await cli(["refresh", "--stale", "--limit", "1"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^refreshed ${ids[0]} \\(Face masks.*\\): version 2, verdict (unchanged|changed)`),
    );
    expect(lines[1]).toMatch(
      /^Refreshed 1 of 1 stale checks: [01] changed verdict, 0 skipped \(already running\), 0 failed\.$/,
    );
    const json = await cli(["refresh", "--stale", "--json"]);
    const tally = JSON.parse(json.stdout);
    expect(tally).toMatchObject({ limit: 100, minAgeDays: 30, picked: 1, refreshed: 1 });
    expect(tally.outcomes.map((o: { id: string }) => o.id)).toEqual([ids[1]]);
    const none = await cli(["refresh", "--stale"]);
    expect(none.stdout).toContain("No stale checks to refresh: none is older than 30 days");
  });

  it("takes its defaults from the auto-refresh settings, and --min-age over them", async () => {
    const env = {
      FACTUALLY_AUTO_REFRESH_PER_DAY: "1",
      FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS: "39.5",
    };
    const json = JSON.parse((await cli(["refresh", "--stale", "--json"], env)).stdout);
    expect(json).toMatchObject({ limit: 1, minAgeDays: 39.5, picked: 1 });
    expect(json.outcomes[0].id).toBe(ids[0]);
    const younger = JSON.parse(
      (await cli(["refresh", "--stale", "--json", "--min-age", "41"])).stdout,
    );
    expect(younger.picked).toBe(0);
  });

  it("exits 2 with a clear message for input that does not go together or is not a number", async () => {
    const cases: Array<[string[], string]> = [
      [["refresh"], "refresh needs a check id (see factually history), or --stale"],
      [["refresh", "--stale", ids[0] as string], "give either a check id or --stale, not both"],
      [["refresh", ids[0] as string, "--limit", "3"], "--limit and --min-age go with --stale"],
      [["refresh", "--stale", "--web"], "--web and --as-of do not go with --stale"],
      [["refresh", "--stale", "--limit", "0"], "expected a whole number from 1 to 10000"],
      [["refresh", "--stale", "--min-age", "soon"], "expected a number of days above 0"],
      [["refresh", "--stale", "--min-age", "-2"], "expected a number of days above 0"],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const stored = JSON.parse((await cli(["show", ids[0] as string, "--json"])).stdout);
    expect(stored.versions).toHaveLength(1);
  });
});
