// Backing up and checking a SQLite store while other processes use it: SQLite's online backup
// (a consistent copy of one moment), and its integrity
// checks on tables, indexes, foreign keys and the FTS5 indexes.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { FactuallyError, messageOf } from "../../core/errors.js";
import {
  type HealthFinding,
  type HealthReport,
  healthReport,
} from "../../core/interfaces/store-health.js";
import { LATEST_SCHEMA } from "./migrations.js";

const FTS_TABLES = ["documents_fts", "passages_fts"] as const;
/** Problems listed per check; a damaged file can report thousands. */
const MAX_LISTED = 5;

/** Copies the database at `path` to `file` (which must not exist) with SQLite's backup API. */
export async function backupSqliteFile(path: string, file: string): Promise<{ pages: number }> {
  const location = resolve(path);
  if (!existsSync(location)) {
    throw new FactuallyError("BAD_INPUT", `no database at ${location}`, { target: location });
  }
  if (existsSync(file)) {
    throw new FactuallyError("BAD_INPUT", `${resolve(file)} already exists; name a new file`, {
      target: resolve(file),
    });
  }
  const db = new Database(location, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // All pages in one step, under one read transaction: copied a few pages per step, the
    // backup starts over whenever another connection writes, and under a busy server it never
    // ends. In WAL mode that read transaction blocks no writer, only checkpoints.
    const { totalPages } = await db.backup(file, { progress: () => 0x7fffffff });
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

/** Checks the database at `path`; a file SQLite cannot even open is reported, not thrown. */
export function checkSqliteFile(path: string): HealthReport {
  const location = resolve(path);
  if (!existsSync(location)) {
    throw new FactuallyError("BAD_INPUT", `no database at ${location}`, { target: location });
  }
  const findings: HealthFinding[] = [];
  let db: Database.Database | undefined;
  try {
    // Read-write only for the FTS5 integrity-check, a command written as an INSERT that
    // changes nothing; WAL lets it run beside a server.
    const conn = new Database(location, { fileMustExist: true });
    db = conn;
    conn.pragma("busy_timeout = 5000");
    findings.push(schemaVersion(conn));
    findings.push(listCheck("integrity_check", () => pragmaLines(conn, "integrity_check")));
    findings.push(
      listCheck("foreign_key_check", () =>
        (
          conn.pragma("foreign_key_check") as Array<{
            table: string;
            rowid: number;
            parent: string;
          }>
        ).map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`),
      ),
    );
    for (const table of FTS_TABLES) {
      findings.push(
        listCheck(table, () => {
          conn.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
          return [];
        }),
      );
    }
  } catch (error) {
    findings.push({ check: "open", status: "failed", detail: messageOf(error) });
  } finally {
    db?.close();
  }
  return healthReport(location, findings);
}

function schemaVersion(db: Database.Database): HealthFinding {
  const version = db.pragma("user_version", { simple: true }) as number;
  return version === LATEST_SCHEMA
    ? { check: "schema version", status: "ok", detail: `${version}` }
    : {
        check: "schema version",
        status: "failed",
        detail: `${version}, expected ${LATEST_SCHEMA} (opening it read-write with this Factually migrates it)`,
      };
}

function pragmaLines(db: Database.Database, pragma: string): string[] {
  const rows = db.pragma(pragma) as Array<Record<string, unknown>>;
  const lines = rows.map((row) => String(Object.values(row)[0]));
  return lines.length === 1 && lines[0] === "ok" ? [] : lines;
}

/** A finding from a check that lists problems (none: ok) or throws (failed, with why). */
function listCheck(check: string, problems: () => string[]): HealthFinding {
  try {
    const found = problems();
    if (found.length === 0) return { check, status: "ok", detail: "ok" };
    const more = found.length > MAX_LISTED ? ` …and ${found.length - MAX_LISTED} more` : "";
    return { check, status: "failed", detail: found.slice(0, MAX_LISTED).join("; ") + more };
  } catch (error) {
    return { check, status: "failed", detail: messageOf(error) };
  }
}
