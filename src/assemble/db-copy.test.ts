import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../store/postgres/testing/test-database.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { fillSampleStores } from "../store/testing/sample-stores.js";
import { type CopyReport, copyDatabase, copyStores } from "./db-copy.js";
import { digestKind, STORE_KINDS } from "./store-digest.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-db-copy-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A SQLite file filled with the sample rows, closed. */
async function sampleFile(name = "source.db"): Promise<string> {
  const file = join(dir, name);
  const stores = openSqliteStore(file);
  await fillSampleStores(stores);
  await stores.close();
  return file;
}

const fileState = (file: string) => ({
  sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
  mtimeMs: statSync(file).mtimeMs,
});

const tallies = (report: CopyReport) =>
  Object.fromEntries(report.kinds.map((k) => [k.kind, [k.added, k.updated, k.unchanged]]));

describe("copying a database", () => {
  it("copies everything into a new SQLite file, verifies it, and never writes the source", async () => {
    const source = await sampleFile();
    const before = fileState(source);
    const report = await copyDatabase(source, join(dir, "copy.db"));
    expect(report.verified).toBe(true);
    expect(tallies(report)).toEqual({
      documents: [7, 0, 0],
      checks: [2, 0, 0],
      snapshots: [3, 0, 0],
    });
    for (const kind of report.kinds) expect(kind.target).toEqual(kind.source);
    expect(fileState(source)).toEqual(before);
  });

  it("changes nothing when run a second time", async () => {
    const source = await sampleFile();
    const target = join(dir, "copy.db");
    await copyDatabase(source, target);
    const first = fileState(target).sha256;
    const again = await copyDatabase(source, target);
    expect(again.verified).toBe(true);
    expect(tallies(again)).toEqual({
      documents: [0, 0, 7],
      checks: [0, 0, 2],
      snapshots: [0, 0, 3],
    });
    expect(fileState(target).sha256).toBe(first);
  });

  it("goes on after an interruption and ends identical", async () => {
    const source = await sampleFile();
    const target = join(dir, "copy.db");
    const stop = new AbortController();
    let pages = 0;
    await expect(
      copyDatabase(source, target, {
        pageSize: 2,
        signal: stop.signal,
        onProgress: ({ done }) => {
          if (done > 0 && ++pages === 2) stop.abort(new Error("interrupted"));
        },
      }),
    ).rejects.toThrow("interrupted");
    const partial = openSqliteStore(target);
    expect((await partial.corpus.corpusStats()).documents).toBe(4);
    await partial.close();
    const report = await copyDatabase(source, target, { pageSize: 2 });
    expect(report.verified).toBe(true);
    expect(tallies(report).documents).toEqual([3, 0, 4]);
  });

  it("reports which kind differs when the target holds rows the source does not", async () => {
    const source = openSqliteStore(":memory:");
    const target = openSqliteStore(":memory:");
    await fillSampleStores(source, 3);
    await target.corpus.upsertDocuments([{ id: "only-here", text: "A document of its own." }]);
    const report = await copyStores(source, target);
    expect(report.verified).toBe(false);
    const documents = report.kinds.find((k) => k.kind === "documents");
    expect(documents).toMatchObject({ same: false, source: { count: 3 }, target: { count: 4 } });
    expect(report.kinds.filter((k) => !k.same).map((k) => k.kind)).toEqual(["documents"]);
    await Promise.all([source.close(), target.close()]);
  });

  it("refuses to copy a database onto itself", async () => {
    const source = await sampleFile();
    await expect(copyDatabase(source, source)).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`copying between SQLite and PostgreSQL${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  afterAll(() => schemas.dropAll());

  it("goes SQLite → PostgreSQL → SQLite and ends with the same rows and hashes", async () => {
    const source = await sampleFile();
    const before = fileState(source);
    const schema = schemas.name();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const there = await copyDatabase(source, url, { pageSize: 3 });
    expect(there.verified).toBe(true);
    const back = join(dir, "back.db");
    const home = await copyDatabase(url, back, { pageSize: 3 });
    expect(home.verified).toBe(true);
    expect(home.kinds.map((k) => k.target)).toEqual(there.kinds.map((k) => k.source));
    const again = await copyDatabase(source, url);
    expect(tallies(again)).toEqual({
      documents: [0, 0, 7],
      checks: [0, 0, 2],
      snapshots: [0, 0, 3],
    });
    expect(fileState(source)).toEqual(before);
    const a = openSqliteStore(source, { access: "read-only" });
    const b = openSqliteStore(back, { access: "read-only" });
    for (const kind of STORE_KINDS)
      expect(await digestKind(b, kind)).toEqual(await digestKind(a, kind));
    expect(await b.checks.listChecks({ limit: 5 })).toEqual(
      await a.checks.listChecks({ limit: 5 }),
    );
    await Promise.all([a.close(), b.close()]);
  });
});
