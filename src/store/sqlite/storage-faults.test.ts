// Storage faults made for real: a damaged file, a half-truncated one, read-only media, a full
// disk, a held lock. Each is named as what it is, with the file, never as an internal error.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { MIGRATIONS } from "./migrations.js";
import { openSqliteStore } from "./open.js";
import { storeFault } from "./sqlite-errors.js";
import {
  CAN_MOUNT,
  damagePages,
  headOf,
  makeDatabase,
  readOnlyCopy,
  tinyDisk,
  truncateToHalf,
} from "./testing/storage-conditions.js";

let dir: string;
let shared: string;
let source: string;
let cleanups: Array<() => void>;

beforeAll(async () => {
  // The first database this worker opens goes through openSqliteStore (see `connect` in open.ts).
  shared = mkdtempSync(join(tmpdir(), "factually-faults-src-"));
  source = join(shared, "source.db");
  await makeDatabase(source);
});
afterAll(() => rmSync(shared, { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-faults-"));
  cleanups = [];
});
afterEach(() => {
  for (const undo of cleanups.reverse()) undo();
  rmSync(dir, { recursive: true, force: true });
});

function copyOfSource(name: string): string {
  const file = join(dir, name);
  copyFileSync(source, file);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<FactuallyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(FactuallyError.isInstance(error), String(error)).toBe(true);
  return error as FactuallyError;
}

function thrown(work: () => unknown): FactuallyError {
  try {
    work();
  } catch (error) {
    expect(FactuallyError.isInstance(error), String(error)).toBe(true);
    return error as FactuallyError;
  }
  throw new Error("expected an error");
}

describe("a damaged database", () => {
  it("says it is damaged and names the file when a search reads a damaged page", async () => {
    const file = copyOfSource("damaged.db");
    damagePages(file);
    const store = openSqliteStore(file);
    try {
      const error = await rejection(store.corpus.searchCorpus("masks influenza", { limit: 50 }));
      expect(error.code).toBe("STORE_DAMAGED");
      expect(error.message).toContain(file);
      expect(error.message).toContain("damaged");
      expect(error.subject).toBe("database");
    } finally {
      await store.close();
    }
  });

  it("calls a half-truncated database damaged, not 'not a Factually database'", () => {
    const file = copyOfSource("half.db");
    truncateToHalf(file);
    const error = thrown(() => openSqliteStore(file, { access: "read-only" }));
    expect(error.code).toBe("STORE_DAMAGED");
    expect(error.message).toContain(`${file} is damaged`);
    expect(error.message).not.toContain("not a Factually database");
  });

  it("still calls a file that is not SQLite 'not a Factually database' and leaves it untouched", () => {
    const file = join(dir, "notes.db");
    writeFileSync(file, "these are my notes, not a database\n".repeat(10));
    const before = headOf(file);
    const error = thrown(() => openSqliteStore(file));
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("not a Factually database");
    expect(headOf(file)).toEqual(before);
  });
});

describe("a database on read-only media", () => {
  function readOnly(): string {
    const copy = readOnlyCopy(source, join(dir, "media"));
    cleanups.push(copy.release);
    return copy.file;
  }

  it("opens read-only and answers searches", async () => {
    const store = openSqliteStore(readOnly(), { access: "read-only" });
    try {
      expect(store.readOnly).toBe(true);
      expect((await store.corpus.searchCorpus("masks", { limit: 3 })).length).toBe(3);
      expect((await store.corpus.corpusStats()).documents).toBe(200);
    } finally {
      await store.close();
    }
  });

  it("says a read-only database of an older schema must be upgraded where it can be written", async () => {
    const old = join(dir, "old.db");
    const db = new Database(old);
    db.exec(MIGRATIONS[0]?.sql ?? "");
    db.pragma("user_version = 1");
    db.close();
    const copy = readOnlyCopy(old, join(dir, "old-media"));
    cleanups.push(copy.release);
    const error = thrown(() => openSqliteStore(copy.file, { access: "read-only" }));
    expect(error.code).toBe("STORE_READ_ONLY");
    expect(error.message).toContain("written by an older Factually and must be upgraded");
  });

  it("refuses a write with STORE_READ_ONLY when opened for writing", () => {
    const file = readOnly();
    const error = thrown(() => openSqliteStore(file));
    expect(error.code).toBe("STORE_READ_ONLY");
    expect(error.message).toContain(`${file} is read-only`);
  });

  it("falls back to reading for a server, refusing each write as read-only", async () => {
    const store = openSqliteStore(readOnly(), { access: "read-write-else-read-only" });
    try {
      expect(store.readOnly).toBe(true);
      const error = await rejection(store.checks.beginVersion("masks-work-12345678"));
      expect(error.code).toBe("STORE_READ_ONLY");
      expect(error.message).toContain("read-only");
    } finally {
      await store.close();
    }
  });
});

describe("a full disk", () => {
  it.skipIf(!CAN_MOUNT)(
    "says the disk is full, and what was stored before is intact (a 1 MB tmpfs)",
    async () => {
      const disk = tinyDisk(join(dir, "disk"), "1m");
      cleanups.push(disk.release);
      const file = join(disk.dir, "full.db");
      await makeDatabase(file, 20);
      const store = openSqliteStore(file);
      try {
        const big = Array.from({ length: 400 }, (_, i) => ({
          id: `big-${i}`,
          title: `Big ${i}`,
          text: `${"influenza trial results ".repeat(200)} ${i}`,
        }));
        const error = await rejection(store.corpus.upsertDocuments(big));
        expect(error.code).toBe("STORE_FULL");
        expect(error.message).toContain("is full");
        expect(error.message).toContain(file);
        expect((await store.corpus.corpusStats()).documents).toBe(20);
      } finally {
        await store.close();
      }
    },
  );

  it("maps SQLITE_FULL (a page limit on the connection) to STORE_FULL", () => {
    const file = join(dir, "limited.db");
    const db = new Database(file);
    try {
      db.exec("CREATE TABLE t (x TEXT)");
      db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
      let cause: unknown;
      try {
        db.prepare("INSERT INTO t VALUES (?)").run("x".repeat(100_000));
      } catch (error) {
        cause = error;
      }
      expect((cause as { code?: string }).code).toBe("SQLITE_FULL");
      expect(storeFault(cause, file)?.code).toBe("STORE_FULL");
    } finally {
      db.close();
    }
  });
});

describe("a database another process holds", () => {
  it("maps SQLITE_BUSY to a retryable STORE_BUSY", () => {
    const file = join(dir, "busy.db");
    const holder = new Database(file);
    const other = new Database(file, { timeout: 0 });
    try {
      holder.exec("CREATE TABLE t (x TEXT); BEGIN IMMEDIATE; INSERT INTO t VALUES ('a')");
      let cause: unknown;
      try {
        other.exec("BEGIN IMMEDIATE");
      } catch (error) {
        cause = error;
      }
      const fault = storeFault(cause, file);
      expect(fault?.code).toBe("STORE_BUSY");
      expect(fault?.isRetryable).toBe(true);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      other.close();
    }
  });

  it("leaves an error that is not SQLite's alone", () => {
    expect(storeFault(new TypeError("x is undefined"), "/db")).toBeUndefined();
  });
});
