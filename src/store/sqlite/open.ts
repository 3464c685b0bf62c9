// Opens (creating if needed) the embedded SQLite store, with clear errors for wrong files.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { FactuallyError } from "../../core/errors.js";
import { LATEST_SCHEMA, MIGRATIONS } from "./migrations.js";
import { createSqliteStores, type SqliteStoreOptions, type SqliteStores } from "./sqlite-store.js";

type Db = Database.Database;

export type OpenOptions = SqliteStoreOptions;

/** Opens the stores at `path` (`:memory:` for throwaway ones), migrating it to the latest schema. */
export function openSqliteStore(path: string, options: OpenOptions = {}): SqliteStores {
  const location = path === ":memory:" ? path : resolve(path);
  if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
  let db: Db;
  try {
    db = new Database(location);
  } catch (cause) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `cannot open the database ${location}: ${reason(cause)}; check the path and its permissions, or pass another --db`,
      { cause, target: location },
    );
  }
  try {
    prepare(db, location);
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStores(db, location, options);
}

function prepare(db: Db, location: string): void {
  let version: number;
  try {
    // The first read tells a SQLite file from anything else, before anything is written.
    version = db.pragma("user_version", { simple: true }) as number;
  } catch (cause) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} is not a Factually database (${reason(cause)}); it was left untouched — pass another --db path`,
      { cause, target: location },
    );
  }
  if (version > LATEST_SCHEMA) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} was written by a newer Factually (schema ${version}; this one knows up to ${LATEST_SCHEMA}); upgrade Factually or pass another --db`,
      { target: location },
    );
  }
  if (version === 0 && hasTables(db)) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} is a SQLite database of another program; it was left untouched — pass another --db path`,
      { target: location },
    );
  }
  if (location !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db, version);
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

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
