import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPostgresStore } from "../store/postgres/open.js";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../store/postgres/testing/test-database.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { damagePages, makeDatabase } from "../store/sqlite/testing/storage-conditions.js";
import { fillSampleStores } from "../store/testing/sample-stores.js";
import { backupDatabase, checkDatabase } from "./db-maintenance.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-db-tools-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("backing up a SQLite database", () => {
  it("copies a database another connection is writing to into a sound file", async () => {
    const file = join(dir, "live.db");
    await makeDatabase(file, 400);
    const writer = openSqliteStore(file);
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await writer.corpus.upsertDocuments([
          { id: `live-${written}`, text: `Written during the backup, number ${written}.` },
        ]);
        written += 1;
        await new Promise((go) => setImmediate(go));
      }
    })();
    const backup = join(dir, "backup.db");
    await backupDatabase(file, backup);
    writing = false;
    await writes;
    await writer.close();
    expect(written).toBeGreaterThan(0);

    const report = await checkDatabase(backup);
    expect(report.findings.filter((f) => f.status !== "ok")).toEqual([]);
    const copy = openSqliteStore(backup, { access: "read-only" });
    const { documents, passages } = await copy.corpus.corpusStats();
    expect(documents).toBeGreaterThanOrEqual(400);
    expect(documents).toBeLessThanOrEqual(400 + written);
    // Each document written during the backup has one passage: a consistent moment has both.
    const original = openSqliteStore(file, { access: "read-only" });
    expect(passages - documents).toBe(
      (await original.corpus.corpusStats()).passages -
        (await original.corpus.corpusStats()).documents,
    );
    await Promise.all([copy.close(), original.close()]);
  });

  it("refuses to overwrite an existing file", async () => {
    const file = join(dir, "a.db");
    await makeDatabase(file, 5);
    await expect(backupDatabase(file, file)).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("checking a SQLite database", () => {
  it("finds a sound database sound, full-text indexes included", async () => {
    const file = join(dir, "sound.db");
    const stores = openSqliteStore(file);
    await fillSampleStores(stores);
    await stores.close();
    const report = await checkDatabase(file);
    expect(report.ok).toBe(true);
    expect(report.findings.map((f) => f.check)).toEqual([
      "schema version",
      "integrity_check",
      "foreign_key_check",
      "documents_fts",
      "passages_fts",
    ]);
  });

  it("finds damaged pages and says which check failed", async () => {
    const file = join(dir, "damaged.db");
    await makeDatabase(file, 300);
    damagePages(file);
    const report = await checkDatabase(file);
    expect(report.ok).toBe(false);
    expect(report.findings.some((f) => f.status === "failed")).toBe(true);
  });

  it("finds a full-text index out of step with its table", async () => {
    const file = join(dir, "fts.db");
    await makeDatabase(file, 20);
    const db = openSqliteStore(file);
    await db.close();
    const { default: Database } = await import("better-sqlite3");
    const raw = new Database(file);
    raw
      .prepare("DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages LIMIT 3)")
      .run();
    raw.close();
    const report = await checkDatabase(file);
    expect(report.findings.find((f) => f.check === "passages_fts")?.status).toBe("failed");
    expect(report.findings.find((f) => f.check === "integrity_check")?.status).toBe("ok");
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL backup and check${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  afterAll(() => schemas.dropAll());

  const schemaUrl = async () => {
    const schema = schemas.name();
    const stores = await openPostgresStore(TEST_DATABASE_URL ?? "", { schema });
    await fillSampleStores(stores, 3);
    await stores.close();
    const options = encodeURIComponent(`-c search_path=${schema}`);
    return { schema, url: `${TEST_DATABASE_URL}?options=${options}` };
  };

  it("finds a fresh schema sound, and an orphaned posting", async () => {
    const { schema, url } = await schemaUrl();
    expect(await checkDatabase(url)).toMatchObject({ ok: true });
    await sql(`SET search_path = "${schema}"; ALTER TABLE document_terms DROP CONSTRAINT document_terms_document_rowid_fkey;
      INSERT INTO document_terms VALUES ('ghost', 999999, 1, 0)`);
    const report = await checkDatabase(url);
    expect(report.ok).toBe(false);
    expect(report.findings.find((f) => f.check === "postings without a document")).toMatchObject({
      status: "failed",
      detail: "1",
    });
  });

  it("dumps the store's schema with pg_dump as plain SQL", async () => {
    const { schema, url } = await schemaUrl();
    const file = join(dir, "dump.sql");
    expect(await backupDatabase(url, file)).toEqual({ file, format: "pg_dump" });
    const dump = readFileSync(file, "utf8");
    expect(dump).toContain(`CREATE TABLE ${schema}.documents`);
    expect(dump).toContain("Document a-masks");
  });

  async function sql(text: string): Promise<void> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }
});
