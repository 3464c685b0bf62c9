import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { describeAccountStoreContract } from "../contract/account-store.contract.js";
import { describeCheckStoreContract } from "../contract/check-store.contract.js";
import { describeCorpusStoreContract } from "../contract/corpus-store.contract.js";
import { describeSnapshotStoreContract } from "../contract/snapshot-store.contract.js";
import { describeStoreTransferContract } from "../contract/store-transfer.contract.js";
import { LATEST_SCHEMA, MIGRATIONS } from "./migrations.js";
import { openSqliteStore } from "./open.js";
import type { SqliteStores } from "./sqlite-store.js";

let dir = "";
let opened: SqliteStores[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-store-"));
  opened = [];
});

afterEach(async () => {
  for (const store of opened) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a store and remembers to close it after the test. */
function open(path: string): SqliteStores {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
}

let fileCount = 0;
describeCorpusStoreContract("SQLite file", () => open(join(dir, `contract-${++fileCount}.db`)));
describeCorpusStoreContract("SQLite :memory:", () => open(":memory:"));
describeCheckStoreContract("SQLite file", () => open(join(dir, `checks-${++fileCount}.db`)));
describeCheckStoreContract("SQLite :memory:", () => open(":memory:"));
describeSnapshotStoreContract("SQLite :memory:", () => open(":memory:"));
describeStoreTransferContract("SQLite file", () => open(join(dir, `transfer-${++fileCount}.db`)));
describeAccountStoreContract("SQLite file", () => open(join(dir, `accounts-${++fileCount}.db`)));

describe("run locks across processes", () => {
  it("takes over at once a lock whose process is gone (kill -9), without waiting a minute", async () => {
    const path = join(dir, "locks.db");
    const alive = openSqliteStore(path);
    opened.push(alive);
    await alive.checks.beginVersion("some-check-00000000");
    // Seen from a store that finds the holder's process dead, the lock is free.
    const afterCrash = openSqliteStore(path, { isAlive: () => false });
    opened.push(afterCrash);
    const lease = await afterCrash.checks.beginVersion("some-check-00000000");
    expect(lease.n).toBe(1);
    // While its process lives, the holder's lock holds.
    await expect(alive.checks.beginVersion("some-check-00000000")).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

/** Reads a database file with a connection of its own, as another process would. */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The error `openSqliteStore(path)` throws; fails the test when it does not throw. */
function openFailure(path: string): FactuallyError {
  try {
    open(path);
  } catch (error) {
    expect(error).toBeInstanceOf(FactuallyError);
    return error as FactuallyError;
  }
  throw new Error(`expected opening ${path} to fail`);
}

/** What must not change about a file the store refused: its bytes, its mtime, its folder. */
function snapshot(path: string) {
  return {
    bytes: readFileSync(path).toString("base64"),
    mtimeMs: statSync(path).mtimeMs,
    siblings: readdirSync(join(path, "..")).sort(),
  };
}

/** A SQLite file written by something else, closed before the test goes on. */
function writeSqlite(path: string, setup: (db: Database.Database) => void): void {
  const db = new Database(path);
  setup(db);
  db.close();
}

const NOTE = {
  id: "note",
  title: "Sugar",
  text: "Sugar did not change children's behaviour in 16 trials.",
};

describe("openSqliteStore", () => {
  it("creates a file database in WAL mode at the latest schema", async () => {
    const path = join(dir, "factually.db");
    const store = open(path);
    expect(store.location).toBe(path);
    expect(existsSync(path)).toBe(true);
    const { journal, version } = inspect(path, (db) => ({
      journal: db.pragma("journal_mode", { simple: true }),
      version: db.pragma("user_version", { simple: true }),
    }));
    expect(journal).toBe("wal");
    expect(version).toBe(LATEST_SCHEMA);
    expect(LATEST_SCHEMA).toBe(MIGRATIONS.length);
  });

  it("creates the corpus and check tables", () => {
    const path = join(dir, "factually.db");
    open(path);
    const names = inspect(path, (db) =>
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
    for (const table of [
      "documents",
      "passages",
      "documents_fts",
      "passages_fts",
      "documents_vocab",
      "checks",
      "check_versions",
      "feedback",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("creates missing parent folders", () => {
    const path = join(dir, "a", "b", "factually.db");
    open(path);
    expect(existsSync(path)).toBe(true);
  });

  it("keeps the data when an existing database is opened again", async () => {
    const path = join(dir, "factually.db");
    const first = open(path);
    await first.corpus.upsertDocuments([NOTE]);
    await first.close();
    const second = open(path);
    expect(await second.corpus.corpusStats()).toEqual({ documents: 1, passages: 1 });
    expect((await second.corpus.getDocument("note"))?.text).toBe(NOTE.text);
    expect(
      (await second.corpus.searchCorpus("sugar behaviour", { limit: 5 }))[0]?.document.id,
    ).toBe("note");
    expect(await second.corpus.upsertDocuments([NOTE])).toEqual([
      { id: "note", status: "unchanged", passages: 0 },
    ]);
    expect(inspect(path, (db) => db.pragma("user_version", { simple: true }))).toBe(LATEST_SCHEMA);
  });

  it("upgrades a schema 3 database, keeping its checks with no views yet", async () => {
    const path = join(dir, "schema3.db");
    writeSqlite(path, (db) => {
      for (const m of MIGRATIONS.filter((m) => m.n <= 3)) db.exec(m.sql);
      db.pragma("user_version = 3");
      db.exec(`INSERT INTO checks (id, input, normalized, kind, created_at)
        VALUES ('old-00000000', 'Zinc shortens colds.', 'zinc shortens colds', 'claim', '2026-01-01T00:00:00.000Z');
        INSERT INTO check_versions (check_id, n, checked_at, status, verdict_label, verdict_confidence, settings_fingerprint, body)
        VALUES ('old-00000000', 1, '2026-01-01T00:00:00.000Z', 'done', 'mixed', 0.5, 'x', '{"sources":[]}')`);
    });
    const store = open(path);
    await store.checks.recordView("old-00000000");
    const stale = await store.checks.listStale({
      now: new Date("2026-03-01T00:00:00Z"),
      minAgeDays: 30,
      limit: 5,
    });
    expect(stale.map((s) => [s.check.id, s.views])).toEqual([["old-00000000", 1]]);
    expect(await store.checks.historyLooks()).toEqual({});
    expect(inspect(path, (db) => db.pragma("user_version", { simple: true }))).toBe(LATEST_SCHEMA);
  });

  it("upgrades a schema 4 database, keeping its ratings, and stores raters only as salted hashes", async () => {
    const path = join(dir, "schema4.db");
    writeSqlite(path, (db) => {
      for (const m of MIGRATIONS.filter((m) => m.n <= 4)) db.exec(m.sql);
      db.pragma("user_version = 4");
      db.exec(`INSERT INTO checks (id, input, normalized, kind, created_at)
        VALUES ('old-00000000', 'Zinc shortens colds.', 'zinc shortens colds', 'claim', '2026-01-01T00:00:00.000Z');
        INSERT INTO check_versions (check_id, n, checked_at, status, verdict_label, verdict_confidence, settings_fingerprint, body)
        VALUES ('old-00000000', 1, '2026-01-01T00:00:00.000Z', 'done', 'mixed', 0.5, 'x', '{"sources":[]}');
        INSERT INTO feedback (check_id, version, helpful, created_at)
        VALUES ('old-00000000', 1, 1, '2026-01-02T00:00:00.000Z'), ('old-00000000', 1, 1, '2026-01-03T00:00:00.000Z')`);
    });
    const store = open(path);
    const rating = { checkId: "old-00000000", version: 1, createdAt: "2026-02-01T00:00:00.000Z" };
    await store.checks.addFeedback({ ...rating, helpful: true }, { rater: "203.0.113.7" });
    await store.checks.addFeedback({ ...rating, helpful: false }, { rater: "203.0.113.7" });
    const stored = await store.checks.getCheck("old-00000000");
    expect(stored?.versions[0]?.feedback).toEqual({ helpful: 2, notHelpful: 1 });
    const rows = inspect(path, (db) =>
      db.prepare("SELECT rater FROM feedback WHERE rater IS NOT NULL").all(),
    ) as Array<{ rater: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.rater).toMatch(/^[0-9a-f]{64}$/);
    expect(
      JSON.stringify(inspect(path, (db) => db.prepare("SELECT * FROM feedback").all())),
    ).not.toContain("203.0.113");
    expect(inspect(path, (db) => db.pragma("user_version", { simple: true }))).toBe(LATEST_SCHEMA);
  });

  it("upgrades a schema 5 database to accounts with no users (so the service stays open)", async () => {
    const path = join(dir, "schema5.db");
    writeSqlite(path, (db) => {
      for (const m of MIGRATIONS.filter((m) => m.n <= 5)) db.exec(m.sql);
      db.pragma("user_version = 5");
    });
    const store = open(path);
    expect(await store.accounts.countUsers()).toBe(0);
    expect(inspect(path, (db) => db.pragma("user_version", { simple: true }))).toBe(LATEST_SCHEMA);
  });

  it("refuses a file that is not SQLite and leaves it untouched", () => {
    const path = join(dir, "notes.txt");
    writeFileSync(path, "These are my notes, not a database.\n".repeat(40));
    const before = snapshot(path);
    const error = openFailure(path);
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain(path);
    expect(error.message).toContain("not a Factually database");
    expect(error.target).toBe(path);
    expect(snapshot(path)).toEqual(before);
  });

  it("refuses a short text file too, rather than taking it for an empty database", () => {
    const path = join(dir, "short.db");
    writeFileSync(path, "hello\n");
    const before = snapshot(path);
    expect(openFailure(path).code).toBe("BAD_CONFIG");
    expect(snapshot(path)).toEqual(before);
  });

  it("refuses a database written by a newer version and leaves it untouched", () => {
    const path = join(dir, "future.db");
    writeSqlite(path, (db) => {
      db.exec("CREATE TABLE documents (id TEXT)");
      db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    });
    const before = snapshot(path);
    const error = openFailure(path);
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("newer");
    expect(error.message).toContain(path);
    expect(snapshot(path)).toEqual(before);
    expect(inspect(path, (db) => db.pragma("user_version", { simple: true }))).toBe(
      LATEST_SCHEMA + 1,
    );
  });

  it("refuses another program's SQLite database and leaves it untouched", () => {
    const path = join(dir, "music.db");
    writeSqlite(path, (db) => {
      db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue in Green')");
    });
    const before = snapshot(path);
    const error = openFailure(path);
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("another program");
    expect(error.message).toContain(path);
    expect(snapshot(path)).toEqual(before);
    const tables = inspect(path, (db) =>
      db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema").all(),
    );
    expect(tables).toEqual([{ name: "songs" }]);
  });

  it("refuses a folder with BAD_CONFIG", () => {
    const path = join(dir, "folder.db");
    mkdirSync(path);
    const error = openFailure(path);
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain(path);
  });

  it("keeps :memory: as its location and forgets everything on close", async () => {
    const store = open(":memory:");
    expect(store.location).toBe(":memory:");
    await store.corpus.upsertDocuments([NOTE]);
    await store.close();
    expect(await open(":memory:").corpus.corpusStats()).toEqual({ documents: 0, passages: 0 });
  });

  it("can be closed twice", async () => {
    const store = open(join(dir, "factually.db"));
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe("SQLite corpus search", () => {
  it("finds other forms of a word (Porter stemming) and words without their accents", async () => {
    const store = open(":memory:");
    await store.corpus.upsertDocuments([
      { id: "vaccine", text: "The vaccine was given to 2,000 adults in a randomised trial." },
      { id: "creme", text: "Une crème brûlée au café, servie froide." },
    ]);
    expect((await store.corpus.searchCorpus("vaccines trials", { limit: 5 }))[0]?.document.id).toBe(
      "vaccine",
    );
    expect((await store.corpus.searchCorpus("creme brulee", { limit: 5 }))[0]?.document.id).toBe(
      "creme",
    );
  });

  it("weighs the title above the body when told to, and not at all with weight 0", async () => {
    const store = open(":memory:");
    await store.corpus.upsertDocuments([
      {
        id: "title",
        title: "Melatonin",
        text: "A small study of sleep in shift workers over a month.",
      },
      {
        id: "body",
        title: "Sleep",
        text: "Melatonin did not shorten the time shift workers took to fall asleep.",
      },
    ]);
    const ids = async (titleWeight: number) =>
      (
        await store.corpus
          .withRetrieval({ titleWeight, passageWeight: 0, feedbackDocs: 0 })
          .searchCorpus("melatonin", { limit: 2 })
      ).map((r) => r.document.id);
    expect(await ids(10)).toEqual(["title", "body"]);
    expect(await ids(0)).toEqual(["body", "title"]);
  });

  it("takes retrieval knobs when opened, for every search of that store", async () => {
    const path = join(dir, "knobs.db");
    const docs = [
      {
        id: "title",
        title: "Melatonin",
        text: "A small study of sleep in shift workers over a month.",
      },
      {
        id: "body",
        title: "Sleep",
        text: "Melatonin did not shorten the time shift workers took to fall asleep.",
      },
    ];
    await open(path).corpus.upsertDocuments(docs);
    const flat = openSqliteStore(path, { retrieval: { titleWeight: 0 } });
    opened.push(flat);
    const found = await flat.corpus.searchCorpus("melatonin", { limit: 2 });
    expect(found.map((r) => r.document.id)).toEqual(["body", "title"]);
    const [first] = await open(path).corpus.searchCorpus("melatonin", { limit: 2 });
    expect(first?.document.id).toBe("title");
  });

  it("ranks a document with the query words close together higher when proximity is on", async () => {
    const store = open(":memory:");
    const filler = "The cohort was followed for years and many outcomes were recorded carefully.";
    await store.corpus.upsertDocuments([
      {
        id: "apart",
        text: `Vaccine uptake rose. ${filler} ${filler} Autism diagnoses, autism services.`,
      },
      {
        id: "together",
        text: `${filler} Vaccine exposure and autism risk were not linked. ${filler}`,
      },
      ...["bread", "tides", "chess", "rust"].map((id) => ({ id, text: `${id}: ${filler}` })),
    ]);
    const first = async (proximityWeight: number) =>
      (
        await store.corpus
          .withRetrieval({ proximityWeight })
          .searchCorpus("vaccine autism", { limit: 2 })
      )[0]?.document.id;
    expect(await first(0)).toBe("apart");
    expect(await first(1)).toBe("together");
  });

  it("rejects a negative title weight as bad input", async () => {
    const store = open(":memory:");
    await store.corpus.upsertDocuments([NOTE]);
    await expect(
      store.corpus.withRetrieval({ titleWeight: -1 }).searchCorpus("sugar", { limit: 5 }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
