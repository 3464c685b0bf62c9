// Opens the configured store for a command, with advice when there is nothing to open yet.
import { existsSync } from "node:fs";
import { FactuallyError } from "../core/errors.js";
import { openSqliteStore, type StoreAccess } from "../store/sqlite/open.js";
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { displayPath } from "../text/display-path.js";

/**
 * Opens `db`; with `mustExist`, a missing file is the user's mistake, not an empty corpus.
 * Commands that only read pass `read-only`, so a database on read-only media still opens.
 */
export function openStore(
  db: string,
  cwd: string,
  mustExist: boolean,
  access: StoreAccess = "read-write",
): SqliteStore {
  if (mustExist && db !== ":memory:" && !existsSync(db)) {
    const shown = displayPath(db, cwd);
    throw new FactuallyError(
      "BAD_INPUT",
      `no database at ${shown}; ingest documents first (factually ingest <path> --db ${shown}) or pass the right --db`,
      { target: db },
    );
  }
  return openSqliteStore(db, { access });
}
