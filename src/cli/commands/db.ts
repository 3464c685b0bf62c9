// `factually db copy | backup | check`: moving a database between SQLite and PostgreSQL,
// backing it up, and checking its integrity — each safe while `factually serve` uses it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type CopyReport, copyDatabase } from "../../assemble/db-copy.js";
import { backupDatabase, checkDatabase } from "../../assemble/db-maintenance.js";
import { FactuallyError } from "../../core/errors.js";
import type { HealthReport } from "../../core/interfaces/store-health.js";
import { isPostgresUrl, redactDatabaseUrl } from "../../text/database-url.js";
import { displayPath } from "../../text/display-path.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";

/** A database argument as the store opens it: a URL as given, a file resolved from the cwd. */
function databaseOf(db: string, io: CliIo): string {
  return isPostgresUrl(db) || db === ":memory:" ? db : resolve(io.cwd, db);
}

/** How a database is named in output: a path as the user would type it, a URL without its password. */
function shown(db: string, io: CliIo): string {
  return isPostgresUrl(db) ? redactDatabaseUrl(db) : displayPath(db, io.cwd);
}

/** Exit 0 when the copy verified, 1 when the two sides differ afterwards. */
export async function dbCopyCommand(
  from: string,
  to: string,
  options: { json: boolean; pageSize?: number },
  io: CliIo,
): Promise<number> {
  const source = databaseOf(from, io);
  if (!isPostgresUrl(source) && !existsSync(source)) {
    throw new FactuallyError("BAD_INPUT", `no database at ${shown(source, io)} to copy from`, {
      target: source,
    });
  }
  const bar = progressBar(io.stderr, "copy");
  let report: CopyReport;
  try {
    report = await copyDatabase(source, databaseOf(to, io), {
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      onProgress: ({ kind, done, total }) =>
        bar.update(done, total ?? done, `${kind} ${done.toLocaleString("en")}`),
    });
  } finally {
    bar.stop();
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    io.stdout.write(`${formatCopyReport(report, from, to)}\n`);
  }
  return report.verified ? 0 : 1;
}

/** One line per kind, then whether both sides hold the same rows and what to do if not. */
export function formatCopyReport(report: CopyReport, from: string, to: string): string {
  const n = (x: number) => x.toLocaleString("en");
  const lines = report.kinds.map(
    (k) =>
      `${k.kind.padEnd(9)} ${n(k.added)} added, ${n(k.updated)} updated, ${n(k.unchanged)} unchanged · ` +
      `${n(k.source.count)} → ${n(k.target.count)} · sha256 ${k.target.sha256.slice(0, 12)} ` +
      (k.same ? "same" : `DIFFERS from the source's ${k.source.sha256.slice(0, 12)}`),
  );
  if (report.verified) {
    lines.push(`Copied ${from} to ${to}: every row verified (counts and content hashes match).`);
  } else {
    const differ = report.kinds.filter((k) => !k.same).map((k) => k.kind);
    lines.push(
      `The copy differs from ${from} in ${differ.join(", ")}. If the source was written to ` +
        "during the copy, run the same command again; if the target held other rows before, " +
        "copy into a new, empty database instead.",
    );
  }
  return lines.join("\n");
}

/** Exit 0 when the backup was written. */
export async function dbBackupCommand(
  file: string,
  options: { db: string; json: boolean },
  io: CliIo,
): Promise<number> {
  const db = databaseOf(options.db, io);
  if (!isPostgresUrl(db) && !existsSync(db)) {
    throw new FactuallyError("BAD_INPUT", `no database at ${shown(db, io)} to back up`, {
      target: db,
    });
  }
  const result = await backupDatabase(db, resolve(io.cwd, file));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ db: shown(db, io), ...result })}\n`);
  } else {
    const restore =
      result.format === "sqlite"
        ? `use it with --db ${file}`
        : `restore it with psql -f ${file} into an empty database`;
    io.stdout.write(`Backed up ${shown(db, io)} to ${file} (${result.format}); ${restore}.\n`);
  }
  return 0;
}

/** Exit 0 when the database is sound, 1 when a check failed. */
export async function dbCheckCommand(
  options: { db: string; json: boolean },
  io: CliIo,
): Promise<number> {
  const db = databaseOf(options.db, io);
  if (!isPostgresUrl(db) && !existsSync(db)) {
    throw new FactuallyError("BAD_INPUT", `no database at ${shown(db, io)} to check`, {
      target: db,
    });
  }
  const report = await checkDatabase(db);
  const advice = report.ok ? undefined : adviceFor(report, shown(db, io));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ...report, ...(advice ? { advice } : {}) })}\n`);
  } else {
    for (const f of report.findings) {
      const mark = f.status === "ok" ? "ok     " : f.status === "skipped" ? "skipped" : "FAILED ";
      io.stdout.write(`${mark} ${f.check}: ${f.detail}\n`);
    }
    io.stdout.write(report.ok ? `${shown(db, io)} is sound.\n` : `${advice}\n`);
  }
  return report.ok ? 0 : 1;
}

/** What to do about what failed, most specific first. */
function adviceFor(report: HealthReport, db: string): string {
  const failed = report.findings.filter((f) => f.status === "failed").map((f) => f.check);
  const onlyFts = failed.every((check) => check.endsWith("_fts"));
  if (onlyFts) {
    return (
      `${db}: a full-text index is out of step with its table (${failed.join(", ")}). Rebuild it ` +
      `with sqlite3 ${db} "INSERT INTO ${failed[0]}(${failed[0]}) VALUES('rebuild')", or ` +
      "ingest the documents again into a new database."
    );
  }
  if (failed.length === 1 && failed[0] === "schema version") {
    return `${db} has another schema version; open it once with this Factually (any command that writes) to upgrade it.`;
  }
  return (
    `${db} is damaged (${failed.join(", ")}). Stop the server, then restore your last backup ` +
    "(factually db backup makes one), or save what can still be read with " +
    `factually db copy ${db} <new database> and use the new one, or ingest your documents again into a new database.`
  );
}
