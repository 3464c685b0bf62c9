// Opens the stores a database setting names: a PostgreSQL server for a `postgres://` URL,
// else a SQLite file. The engine and the `db` commands open stores only through here.
import type { StoreAccess, Stores } from "../core/interfaces/stores.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { isPostgresUrl } from "../text/database-url.js";

/** The stores `db` names, opened with `access` (default read-write). */
export async function openStores(db: string, access?: StoreAccess): Promise<Stores> {
  const options = access ? { access } : {};
  if (!isPostgresUrl(db)) return openSqliteStore(db, options);
  // Loaded only when used: SQLite deployments never load the pg driver.
  const { openPostgresStore } = await import("../store/postgres/open.js");
  return openPostgresStore(db, options);
}
