// Stored checks across real processes: concurrent writers lose nothing, a killed check leaves
// the store consistent and re-runnable. Uses the built binary (npm test builds it first).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, type BinaryRun, ROOT, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

// The sample corpus (in the repository): big enough that a check takes a moment to run.
const CORPUS = join(ROOT, "corpus/check-covid/abstracts.jsonl");
const CLAIM = "Face masks reduce the spread of COVID-19.";

let dir: string;
let db: string;
let id: string;

/** Runs the binary on this test's database and resolves when it exits. */
function factually(...args: string[]): Promise<BinaryRun> {
  return runBuiltCli([...args, "--db", db], { cwd: dir });
}

function query<T>(sql: string): T[] {
  const reader = new Database(db, { readonly: true });
  try {
    return reader.prepare(sql).all() as T[];
  } finally {
    reader.close();
  }
}

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-records-e2e-"));
  db = join(dir, "records.db");
  const ingest = spawnSync(process.execPath, [BIN, "ingest", CORPUS, "--db", db], {
    encoding: "utf8",
  });
  expect(ingest.status).toBe(0);
  const first = await factually("check", CLAIM, "--json");
  expect(first.code).toBe(0);
  id = JSON.parse(first.stdout).check.id;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("concurrent processes on one check", () => {
  it("keeps all 20 parallel ratings and the refreshes, refusing only a duplicate running one", async () => {
    const ratings = Array.from({ length: 20 }, (_, i) =>
      factually("feedback", id, "--helpful", i % 3 === 0 ? "no" : "yes", "--comment", `rater ${i}`),
    );
    const refreshes = [factually("refresh", id), factually("refresh", id)];
    const [rated, refreshed] = await Promise.all([Promise.all(ratings), Promise.all(refreshes)]);
    for (const run of rated) expect(run, run.stderr).toMatchObject({ code: 0 });
    const ok = refreshed.filter((r) => r.code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const refused of refreshed.filter((r) => r.code !== 0)) {
      // Refused clearly while the other one runs, never duplicated or half-written.
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`check ${id} is already running`);
    }
    const comments = query<{ comment: string }>("SELECT comment FROM feedback ORDER BY comment");
    expect(comments.map((c) => c.comment).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `rater ${i}`).sort(),
    );
    const versions = query<{ n: number }>(
      `SELECT n FROM check_versions WHERE check_id = '${id}' ORDER BY n`,
    );
    expect(versions.map((v) => v.n)).toEqual(
      Array.from({ length: 1 + ok.length }, (_, i) => i + 1),
    );
    expect(query("SELECT * FROM check_runs")).toEqual([]);
  }, 120_000);
});

describe("a check killed mid-run (kill -9)", () => {
  it("leaves the store consistent, shows no partial version, and the check runs again", async () => {
    const before = query<{ n: number }>("SELECT count(*) AS n FROM check_versions")[0]?.n;
    let killed = false;
    // The lock row exists from the start of the run until its version commits: kill inside it.
    for (let attempt = 0; attempt < 5 && !killed; attempt++) {
      const child = spawn(process.execPath, [BIN, "check", CLAIM, "--fresh", "--db", db], {
        cwd: dir,
        stdio: "ignore",
      });
      const exited = new Promise((done) => child.on("close", done));
      while (child.exitCode === null && !killed) {
        if (query("SELECT 1 FROM check_runs").length > 0) {
          child.kill("SIGKILL");
          killed = true;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await exited;
      // Killed just after its commit (the lock already gone): not mid-run, so try again.
      if (killed && query("SELECT 1 FROM check_runs").length === 0) killed = false;
    }
    expect(killed).toBe(true);
    expect(query<{ integrity_check: string }>("PRAGMA integrity_check")).toEqual([
      { integrity_check: "ok" },
    ]);
    // The dead run's lock is left behind, but no version of it is visible.
    expect(query("SELECT * FROM check_runs")).toHaveLength(1);
    const after = query<{ n: number }>("SELECT count(*) AS n FROM check_versions")[0]?.n;
    const shown = await factually("show", id, "--json");
    expect(JSON.parse(shown.stdout).versions).toHaveLength(after as number);
    // The lock of a dead process is taken over at once: the check is re-runnable.
    const again = await factually("refresh", id);
    expect(again.code, again.stderr).toBe(0);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM check_versions")[0]?.n).toBe(
      (after as number) + 1,
    );
    expect(after).toBeGreaterThanOrEqual(before as number);
    expect(query("SELECT * FROM check_runs")).toEqual([]);
  }, 120_000);
});
