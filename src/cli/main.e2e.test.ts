// The installed executable itself: a real process, its exit code and what it prints.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "factually-bin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function factually(...args: string[]) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does it)`);
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
}

describe("dist/cli/main.js", () => {
  it("exits 2 with one line and no stack trace on an empty query", () => {
    const run = factually("search", "", "--db", join(dir, "x.db"));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("the query is empty");
  });

  it("ingests the sample corpus and finds the mask studies", () => {
    const db = join(dir, "demo.db");
    const ingest = factually(
      "ingest",
      join(ROOT, "corpus/check-covid/abstracts.jsonl"),
      "--db",
      db,
    );
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(
      /Ingested 347 documents .*\(346 added, 0 updated, 0 unchanged, 1 duplicate\)/,
    );
    const search = factually("search", "face masks reduce transmission", "--db", db, "--json");
    expect(search.status).toBe(0);
    const out = JSON.parse(search.stdout) as { results: Array<{ title: string }> };
    expect(out.results).toHaveLength(10);
    expect(out.results.slice(0, 3).every((r) => /mask/i.test(r.title))).toBe(true);
  });

  it("runs the demo's check on the sample corpus: a full report, no network", () => {
    const db = join(dir, "demo.db");
    if (!existsSync(db)) {
      factually("ingest", join(ROOT, "corpus/check-covid/abstracts.jsonl"), "--db", db);
    }
    const run = factually("check", "Face masks reduce the spread of COVID-19.", "--db", db);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    for (const heading of [
      "Checked on ",
      "Searched for:",
      "1. Summary of the results",
      "2. Missing context/alternative viewpoints",
      "3. Potential misinformation/bias in the original statement",
      "Want to dive deeper?",
    ])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toMatch(/Found [1-9]\d* sources/);
  });

  it("prints its version", () => {
    const run = factually("--version");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
