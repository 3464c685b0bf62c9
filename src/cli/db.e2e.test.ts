// `factually db copy | backup | check` through the built binary: exit codes, --json summaries,
// and all three beside another process's open connection, as beside a running server.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../store/postgres/testing/test-database.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { damagePages, makeDatabase } from "../store/sqlite/testing/storage-conditions.js";
import { fillSampleStores } from "../store/testing/sample-stores.js";
import { requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

let dir: string;
let source: string;

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-db-e2e-"));
  source = join(dir, "source.db");
  const stores = openSqliteStore(source);
  await fillSampleStores(stores);
  await stores.close();
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const factually = (...args: string[]) => runBuiltCli(args, { cwd: dir });

interface CopyJson {
  verified: boolean;
  kinds: Array<{ kind: string; added: number; unchanged: number; same: boolean }>;
}

describe("factually db copy", () => {
  it("copies into a new file, prints a verified --json summary, and changes nothing run again", async () => {
    const first = await factually("db", "copy", "source.db", "copy.db", "--json");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as CopyJson;
    expect(report.verified).toBe(true);
    expect(report.kinds.map((k) => [k.kind, k.added])).toEqual([
      ["documents", 7],
      ["checks", 2],
      ["snapshots", 3],
    ]);
    const again = JSON.parse(
      (await factually("db", "copy", "source.db", "copy.db", "--json")).stdout,
    ) as CopyJson;
    expect(again.kinds.map((k) => [k.added, k.unchanged])).toEqual([
      [0, 7],
      [0, 2],
      [0, 3],
    ]);
  }, 60_000);

  it("exits 2 when the source does not exist, and creates nothing", async () => {
    const run = await factually("db", "copy", "missing.db", "other.db");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no database at missing.db");
    expect(existsSync(join(dir, "other.db"))).toBe(false);
  });
});

describe("factually db check", () => {
  it("exits 0 on a sound database", async () => {
    const run = await factually("db", "check", "--db", "source.db");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("source.db is sound.");
  });

  it("exits 1 on a damaged database and says what to do", async () => {
    const file = join(dir, "damaged.db");
    await makeDatabase(file, 300);
    damagePages(file);
    const run = await factually("db", "check", "--db", "damaged.db", "--json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; advice: string };
    expect(report.ok).toBe(false);
    expect(report.advice).toContain("restore your last backup");
    expect(report.advice).toContain("factually db copy damaged.db");
  }, 60_000);

  it("exits 2 when there is no database", async () => {
    expect((await factually("db", "check", "--db", "nothing-here.db")).code).toBe(2);
  });
});

describe("beside another process writing to the database", () => {
  it("backs up, checks and copies a database another connection holds open and writes", async () => {
    const live = join(dir, "live.db");
    copyFileSync(source, live);
    const server = openSqliteStore(live);
    await server.corpus.upsertDocuments([{ id: "while-open", text: "Written by the server." }]);
    try {
      const [backup, check, copy] = await Promise.all([
        factually("db", "backup", "live-backup.db", "--db", "live.db"),
        factually("db", "check", "--db", "live.db"),
        factually("db", "copy", "live.db", "live-copy.db", "--json"),
      ]);
      expect([backup.code, check.code, copy.code]).toEqual([0, 0, 0]);
      expect(backup.stdout).toContain("Backed up live.db to live-backup.db");
      const copied = openSqliteStore(join(dir, "live-backup.db"), { access: "read-only" });
      expect((await copied.corpus.corpusStats()).documents).toBe(8);
      await copied.close();
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe.skipIf(!TEST_DATABASE_URL)(`factually db copy to PostgreSQL${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  afterAll(() => schemas.dropAll());

  it("copies a SQLite file into a PostgreSQL schema and back, verified both ways", async () => {
    const schema = schemas.name();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const there = await factually("db", "copy", "source.db", url, "--json");
    expect(there.code).toBe(0);
    expect((JSON.parse(there.stdout) as CopyJson).verified).toBe(true);
    const back = await factually("db", "copy", url, "from-pg.db");
    expect(back.code).toBe(0);
    expect(back.stdout).toContain("every row verified");
    expect((await factually("db", "check", "--db", url)).code).toBe(0);
  }, 60_000);
});
