// Opens (creating if needed) the embedded SQLite store, with clear errors for wrong files, and
// read-only for commands that only read, so a database on read-only media can still be read.
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { FactuallyError, messageOf } from "../../core/errors.js";
import type { StoreAccess } from "../../core/interfaces/stores.js";
import { LATEST_SCHEMA, MIGRATIONS } from "./migrations.js";
import { isSqliteCode, readOnlyFault, storeFault, withStoreFaults } from "./sqlite-errors.js";
import { createSqliteStores, type SqliteStoreOptions, type SqliteStores } from "./sqlite-store.js";

type Db = Database.Database;

export interface OpenOptions extends SqliteStoreOptions {
  /** Default `read-write`; a refused write is STORE_READ_ONLY. */
  access?: StoreAccess;
}

/** Opens the stores at `path` (`:memory:` for throwaway ones), migrating it to the latest schema. */
export function openSqliteStore(path: string, options: OpenOptions = {}): SqliteStores {
  const location = path === ":memory:" ? path : resolve(path);
  const access = options.access ?? "read-write";
  if (access === "read-only" && location !== ":memory:") {
    const db = openReadOnly(location);
    if (db) return guarded(db, location, options);
    // A database older than this Factually needs migrating, which is a write.
    try {
      return openSqliteStore(path, { ...options, access: "read-write" });
    } catch (error) {
      if (!(FactuallyError.isInstance(error) && error.code === "STORE_READ_ONLY")) throw error;
      throw new FactuallyError(
        "STORE_READ_ONLY",
        `${location} was written by an older Factually and must be upgraded before it can be read, which writes to it, but it is read-only; open it once where it can be written`,
        { cause: error, target: location, subject: "database" },
      );
    }
  }
  try {
    return guarded(openReadWrite(location), location, options);
  } catch (error) {
    const readOnly = FactuallyError.isInstance(error) && error.code === "STORE_READ_ONLY";
    if (readOnly && access === "read-write-else-read-only") {
      return openSqliteStore(path, { ...options, access: "read-only" });
    }
    throw error;
  }
}

function guarded(db: Db, location: string, options: OpenOptions): SqliteStores {
  const stores = createSqliteStores(db, location, options);
  // Every port's failures become named store faults (damaged, read-only, full, busy).
  return {
    ...stores,
    corpus: withStoreFaults(stores.corpus, location),
    checks: withStoreFaults(stores.checks, location),
    snapshots: withStoreFaults(stores.snapshots, location),
    accounts: withStoreFaults(stores.accounts, location),
  };
}

function openReadWrite(location: string): Db {
  if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
  const db = connect(location, {});
  try {
    const version = firstRead(db, location);
    if (location !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    throw writeFault(error, location);
  }
}

/** The database opened for reading only, or undefined when its schema must be migrated first. */
function openReadOnly(location: string): Db | undefined {
  let db = connect(location, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = firstRead(db, location);
  } catch (error) {
    db.close();
    // A WAL database needs its -shm index, which read-only media cannot hold; declared
    // immutable, SQLite reads the file as it is (https://sqlite.org/wal.html#readonly).
    // Linux says CANTOPEN (as root) or READONLY_DIRECTORY (as a user) when it cannot make one.
    const noIndex =
      FactuallyError.isInstance(error) &&
      (isSqliteCode(error.cause, "SQLITE_CANTOPEN") ||
        isSqliteCode(error.cause, "SQLITE_READONLY"));
    if (!noIndex) throw error;
    db = connect(immutableUri(location), { readonly: true, fileMustExist: true }, location);
    try {
      version = firstRead(db, location);
    } catch (again) {
      db.close();
      throw again;
    }
  }
  if (version < LATEST_SCHEMA) {
    db.close();
    return undefined;
  }
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}

function connect(filename: string, options: Database.Options, location = filename): Db {
  // better-sqlite3 reads URI file names (needed for `immutable`, below) only when
  // SQLITE_USE_URI=1 is set as the first database opens. Our file names are absolute paths or
  // ":memory:", never "file:…", so reading URIs changes nothing else.
  process.env.SQLITE_USE_URI ??= "1";
  try {
    return new Database(filename, options);
  } catch (cause) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `cannot open the database ${location}: ${messageOf(cause)}`,
      { cause, target: location, subject: "database" },
    );
  }
}

/** A URI naming `location` as immutable: read as it is, with no lock or -shm index. */
function immutableUri(location: string): string {
  return `file:${encodeURI(location).replace(/[?#]/g, encodeURIComponent)}?immutable=1`;
}

/** The schema version, checking that the file is a database of ours that this Factually can use. */
function firstRead(db: Db, location: string): number {
  let version: number;
  try {
    // The first read tells a SQLite file from anything else, before anything is written.
    version = db.pragma("user_version", { simple: true }) as number;
  } catch (cause) {
    if (isSqliteCode(cause, "SQLITE_NOTADB")) {
      throw new FactuallyError(
        "BAD_CONFIG",
        `${location} is not a Factually database (${messageOf(cause)}); it was left untouched`,
        { cause, target: location, subject: "database" },
      );
    }
    throw storeFault(cause, location) ?? cause;
  }
  if (version > LATEST_SCHEMA) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} was written by a newer Factually (schema ${version}; this one knows up to ${LATEST_SCHEMA}); upgrade Factually to open it`,
      { target: location, subject: "database" },
    );
  }
  if (version === 0 && hasTables(db)) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} is a SQLite database of another program; it was left untouched`,
      { target: location, subject: "database" },
    );
  }
  return version;
}

/**
 * A failure while preparing the file for writing. SQLite opens a file it cannot write read-only
 * without saying so, and a WAL file whose folder cannot be written fails with CANTOPEN: both
 * mean the file, its folder or its disk is read-only.
 */
function writeFault(error: unknown, location: string): unknown {
  if (FactuallyError.isInstance(error) && error.code !== "STORE_FAILED") return error;
  const cause = FactuallyError.isInstance(error) ? error.cause : error;
  const unwritable =
    isSqliteCode(cause, "SQLITE_READONLY") ||
    (isSqliteCode(cause, "SQLITE_CANTOPEN") && !canWrite(location));
  if (unwritable) return readOnlyFault(location, cause);
  return storeFault(cause, location) ?? error;
}

function canWrite(location: string): boolean {
  try {
    if (existsSync(location)) accessSync(location, constants.W_OK);
    accessSync(dirname(location), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function hasTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
  return row.n > 0;
}

function migrate(db: Db, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.n <= from) continue;
    // Each step and its version bump commit together, so a crash never leaves half a schema.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.n}`);
    })();
  }
}
