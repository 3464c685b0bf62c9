// `factually db backup` and `db check`: the store the database setting names, backed up or
// checked by its own implementation's tools, while a server may be using it.
import type { HealthReport } from "../core/interfaces/store-health.js";
import { backupSqliteFile, checkSqliteFile } from "../store/sqlite/maintenance.js";
import { isPostgresUrl } from "../text/database-url.js";

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  /** `sqlite` (a database file) or `pg_dump` (plain SQL to restore with psql). */
  format: "sqlite" | "pg_dump";
}

/** Writes a consistent copy of the database `db` to `file`, which must not exist yet. */
export async function backupDatabase(db: string, file: string): Promise<BackupResult> {
  if (!isPostgresUrl(db)) {
    await backupSqliteFile(db, file);
    return { file, format: "sqlite" };
  }
  const { backupPostgres } = await import("../store/postgres/pg-maintenance.js");
  await backupPostgres(db, file);
  return { file, format: "pg_dump" };
}

/** Checks the integrity of the database `db`, reporting what it finds rather than throwing. */
export async function checkDatabase(db: string): Promise<HealthReport> {
  if (!isPostgresUrl(db)) return checkSqliteFile(db);
  const { checkPostgres } = await import("../store/postgres/pg-maintenance.js");
  return checkPostgres(db);
}
