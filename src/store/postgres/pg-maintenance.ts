// Backing up and checking a PostgreSQL store while a server uses it: pg_dump of our schema
// (one consistent snapshot, plain SQL), and checks of the schema version, of rows that must
// point to existing rows, and of the B-tree indexes with amcheck when the database has it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { FactuallyError, messageOf } from "../../core/errors.js";
import {
  type HealthFinding,
  type HealthReport,
  healthReport,
} from "../../core/interfaces/store-health.js";
import { redactDatabaseUrl } from "../../text/database-url.js";
import { PG_LATEST_SCHEMA, SCHEMA_TABLE } from "./migrations.js";

/** Rows that must point to an existing row (foreign keys cover most; triggers keep postings). */
const ORPHANS: ReadonlyArray<[string, string]> = [
  [
    "passages without a document",
    "SELECT count(*)::int AS n FROM passages p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rowid = p.document_rowid)",
  ],
  [
    "postings without a document",
    "SELECT count(*)::int AS n FROM document_terms t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rowid = t.document_rowid)",
  ],
  [
    "documents with words but no postings",
    "SELECT count(*)::int AS n FROM documents d WHERE length(d.tsv) > 0 AND NOT EXISTS (SELECT 1 FROM document_terms t WHERE t.document_rowid = d.rowid)",
  ],
  [
    "versions without a check",
    "SELECT count(*)::int AS n FROM check_versions v WHERE NOT EXISTS (SELECT 1 FROM checks c WHERE c.id = v.check_id)",
  ],
  [
    "ratings without a version",
    "SELECT count(*)::int AS n FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM check_versions v WHERE v.check_id = f.check_id AND v.n = f.version)",
  ],
];

/** The schema that holds our tables for `url` (the first of its search_path that exists). */
async function currentSchema(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>(
    "SELECT current_schema() AS schema",
  );
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "the database URL's search_path names no schema that exists",
    );
  }
  return schema;
}

async function connected<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Dumps our schema of the database at `url` to `file` as plain SQL with `pg_dump`. */
export async function backupPostgres(url: string, file: string): Promise<{ schema: string }> {
  const target = resolve(file);
  if (existsSync(target)) {
    throw new FactuallyError("BAD_INPUT", `${target} already exists; name a new file`, { target });
  }
  const schema = await connected(url, currentSchema);
  // The password goes by environment, never on a command line other users can list.
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const args = ["--format=plain", `--schema=${schema}`, `--file=${target}`, `--dbname=${parsed}`];
  await new Promise<void>((done, fail) => {
    const child = spawn("pg_dump", args, {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      fail(
        error.code === "ENOENT"
          ? new FactuallyError(
              "BAD_CONFIG",
              "pg_dump is not installed or not on PATH; install the PostgreSQL client tools of your server's version",
              { cause: error },
            )
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) done();
      else
        fail(
          new FactuallyError(
            "STORE_FAILED",
            `pg_dump of ${redactDatabaseUrl(url)} failed (exit ${code}): ${stderr.trim().slice(0, 500)}`,
          ),
        );
    });
  });
  return { schema };
}

/** Checks our schema in the database at `url`; reads only. */
export async function checkPostgres(url: string): Promise<HealthReport> {
  const location = redactDatabaseUrl(url);
  const findings = await connected(url, async (client) => {
    const found: HealthFinding[] = [];
    const schema = await currentSchema(client);
    await client.query("BEGIN READ ONLY");
    try {
      const { rows } = await client.query<{ version: number | null }>(
        `SELECT max(version)::int AS version FROM ${SCHEMA_TABLE}`,
      );
      const version = rows[0]?.version ?? 0;
      found.push(
        version === PG_LATEST_SCHEMA
          ? { check: "schema version", status: "ok", detail: `${version} in schema ${schema}` }
          : {
              check: "schema version",
              status: "failed",
              detail: `${version} in schema ${schema}, expected ${PG_LATEST_SCHEMA}`,
            },
      );
      for (const [check, sql] of ORPHANS) {
        const n = (await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
        found.push({ check, status: n === 0 ? "ok" : "failed", detail: n === 0 ? "none" : `${n}` });
      }
      found.push(await amcheck(client, schema));
    } catch (error) {
      found.push({ check: "tables", status: "failed", detail: messageOf(error) });
    } finally {
      await client.query("ROLLBACK").catch(() => {});
    }
    return found;
  });
  return healthReport(location, findings);
}

/** bt_index_check on each of our B-tree indexes, when the amcheck extension is installed. */
async function amcheck(client: pg.Client, schema: string): Promise<HealthFinding> {
  const installed = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'");
  if (installed.rowCount === 0) {
    return {
      check: "indexes (amcheck)",
      status: "skipped",
      detail:
        "the amcheck extension is not installed in this database (CREATE EXTENSION amcheck, as a superuser, adds index checks)",
    };
  }
  const { rows } = await client.query<{ index: string }>(
    `SELECT c.oid::regclass::text AS index FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE a.amname = 'btree' AND c.relnamespace = $1::regnamespace`,
    [schema],
  );
  const broken: string[] = [];
  for (const { index } of rows) {
    try {
      await client.query("SELECT bt_index_check($1::regclass)", [index]);
    } catch (error) {
      broken.push(`${index}: ${messageOf(error)}`);
    }
  }
  return broken.length === 0
    ? { check: "indexes (amcheck)", status: "ok", detail: `${rows.length} B-tree indexes` }
    : { check: "indexes (amcheck)", status: "failed", detail: broken.join("; ") };
}
