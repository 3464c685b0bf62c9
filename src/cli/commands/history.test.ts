// `factually history` marks the checks whose verdict changed since history was last listed
// against this database, with the old and the new verdict.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "../captured-io.js";

const CORPUS = resolve(import.meta.dirname, "../../../test/fixtures/check/corpus.jsonl");
const CLAIM = "Face masks reduce the transmission of respiratory viruses.";
const OTHER = "Heavy rain is expected on Tuesday.";
const DAY = 86_400_000;
const T0 = Date.parse("2026-05-01T10:00:00Z");

let dir: string;
let db: string;
let clock = T0;
let id: string;

function cli(args: string[]) {
  return runCaptured([...args, "--db", db], { cwd: dir, env: {}, now: () => new Date(clock) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-history-"));
  db = join(dir, "history.db");
  // At first only the weather report: nothing says anything about masks.
  const weather = readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((line) => line.includes('"id":"weather"'));
  writeFileSync(join(dir, "weather.jsonl"), `${weather.join("\n")}\n`);
  expect((await cli(["ingest", join(dir, "weather.jsonl")])).code).toBe(0);
  const first = await cli(["check", CLAIM, "--json"]);
  id = (JSON.parse(first.stdout) as { check: { id: string } }).check.id;
  clock = T0 + DAY;
  expect((await cli(["check", OTHER])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("factually history marks changed verdicts", () => {
  it("shows no mark the first time, then old → new for a check whose verdict changed since", async () => {
    clock = T0 + 2 * DAY;
    const first = await cli(["history"]);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain("changed verdict");
    const before = JSON.parse((await cli(["show", id, "--json"])).stdout).version.verdict.label;

    // The trials arrive and the masks check is refreshed: its verdict moves.
    clock = T0 + 3 * DAY;
    expect((await cli(["ingest", CORPUS])).code).toBe(0);
    expect((await cli(["refresh", id])).code).toBe(0);
    const after = JSON.parse((await cli(["show", id, "--json"])).stdout).version.verdict.label;
    expect(after).not.toBe(before);

    clock = T0 + 4 * DAY;
    const text = (await cli(["history"])).stdout;
    expect(text).toContain(
      "1 check marked * changed verdict since history was last listed (May 3, 2026).",
    );
    expect(text).toContain(`* ${id}\n`);
    expect(text).toMatch(
      /\* verdict changed since May 3, 2026: .+ \(version 1\) → .+ \(version 2\)/,
    );
    expect(text).not.toContain(
      `* ${JSON.parse((await cli(["history", "--json"])).stdout).checks[1].check.id}`,
    );
  });

  it("has nothing to mark once the change was seen, and gives old and new in JSON", async () => {
    clock = T0 + 5 * DAY;
    const json = JSON.parse((await cli(["history", "--json"])).stdout);
    expect(
      json.checks.some((c: { changedSinceLastLook?: unknown }) => c.changedSinceLastLook),
    ).toBe(false);
    // Refreshed again with the same evidence: the verdict stays, so nothing is marked.
    expect((await cli(["refresh", id])).code).toBe(0);
    clock = T0 + 6 * DAY;
    expect((await cli(["history"])).stdout).not.toContain("changed verdict");
  });

  it("compares an older page (--cursor) with the look before the one that listed the first page", async () => {
    // Listing the first page at day 7 records that look; its older page still compares with
    // day 6, the look the first page compared with, not with the listing a moment ago.
    clock = T0 + 7 * DAY;
    const again = await cli(["history", "--json", "--limit", "1"]);
    expect(JSON.parse(again.stdout).lastLook).toBe(new Date(T0 + 6 * DAY).toISOString());
    const cursor = JSON.parse(again.stdout).nextCursor as string;
    const older = JSON.parse(
      (await cli(["history", "--json", "--limit", "1", "--cursor", cursor])).stdout,
    );
    expect(older.lastLook).toBe(new Date(T0 + 6 * DAY).toISOString());
  });
});
