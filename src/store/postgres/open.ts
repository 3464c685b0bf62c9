// Opens the stores in a PostgreSQL database: one connection pool, our schema migrated under an
// advisory lock (two processes starting together migrate once), and clear refusals for a
// schema of another program or of a newer Factually. The password never leaves the URL.
import pg from "pg";
import { FactuallyError } from "../../core/errors.js";
import type { StoreAccess, Stores } from "../../core/interfaces/stores.js";
import { redactDatabaseUrl } from "../../text/database-url.js";
import type { ProcessProbe } from "../run-lease.js";
import { PG_LATEST_SCHEMA, PG_MIGRATIONS, SCHEMA_TABLE } from "./migrations.js";
import { createPgAccounts } from "./pg-accounts.js";
import { createPgCheckRecords } from "./pg-check-records.js";
import { createPgCorpus, type PgCorpusStore } from "./pg-corpus.js";
import type { PgRetrievalOptions } from "./pg-corpus-search.js";
import { pgStoreFault, withPgFaults } from "./pg-errors.js";
import { createPgSnapshots } from "./pg-snapshots.js";

export interface PostgresStoreOptions {
  /** Default `read-write`; `read-only` opens read-only transactions and never migrates. */
  access?: StoreAccess;
  /**
   * The schema that holds our tables, created when missing (read-write only); by default the
   * first schema of the connection's `search_path` (usually `public`).
   */
  schema?: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** How run locks tell a live process from a dead one (tests replace it). */
  isAlive?: ProcessProbe;
  /** Ranking knobs that differ from the defaults (benchmarks). */
  retrieval?: Partial<PgRetrievalOptions>;
}

export interface PostgresStores extends Stores {
  readonly readOnly: boolean;
  /** The corpus also offers other ranking knobs, for the benchmarks. */
  readonly corpus: PgCorpusStore;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Opens the stores in the database at `url` (`postgres://…`), migrating it to the latest schema. */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStores> {
  const access = options.access ?? "read-write";
  if (access === "read-write-else-read-only") {
    try {
      return await openPostgresStore(url, { ...options, access: "read-write" });
    } catch (error) {
      if (!(FactuallyError.isInstance(error) && error.code === "STORE_READ_ONLY")) throw error;
      return openPostgresStore(url, { ...options, access: "read-only" });
    }
  }
  const location = redactDatabaseUrl(url);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${JSON.stringify(options.schema)} is not a schema name Factually uses (letters, digits and _)`,
      { target: location, subject: "database" },
    );
  }
  const readOnly = access === "read-only";
  const startup = [
    ...(options.schema ? [`-c search_path=${options.schema}`] : []),
    ...(readOnly ? ["-c default_transaction_read_only=on"] : []),
  ];
  const pool = new pg.Pool({ ...connectionOf(url, startup), max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    await prepareSchema(pool, location, options.schema, readOnly);
  } catch (error) {
    await pool.end().catch(() => {});
    throw pgStoreFault(error, location) ?? error;
  }
  return {
    location,
    readOnly,
    corpus: withPgFaults(createPgCorpus(pool, options.retrieval), location),
    checks: withPgFaults(
      createPgCheckRecords(pool, options.isAlive ? { isAlive: options.isAlive } : {}),
      location,
    ),
    snapshots: withPgFaults(createPgSnapshots(pool), location),
    accounts: withPgFaults(createPgAccounts(pool), location),
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The pool's connection settings: `startup` server options added to any the URL gives in its
 * `options` parameter (pg lets the URL's replace the config's, which would drop ours).
 */
function connectionOf(
  url: string,
  startup: string[],
): { connectionString: string; options?: string } {
  if (startup.length === 0) return { connectionString: url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { connectionString: url, options: startup.join(" ") };
  }
  const given = parsed.searchParams.get("options");
  if (given === null) return { connectionString: url, options: startup.join(" ") };
  parsed.searchParams.delete("options");
  return { connectionString: parsed.toString(), options: [given, ...startup].join(" ") };
}

async function prepareSchema(
  pool: pg.Pool,
  location: string,
  schema: string | undefined,
  readOnly: boolean,
): Promise<void> {
  const client = await pool.connect();
  try {
    if (readOnly) {
      const current = await currentSchema(client);
      const version = current ? await schemaVersion(client, location, current) : 0;
      if (!current || version < PG_LATEST_SCHEMA) {
        throw new FactuallyError(
          "STORE_READ_ONLY",
          `${location} (schema ${current ?? schema ?? "public"}) must be created or upgraded before it can be read, which writes to it; open it once read-write`,
          { target: location, subject: "database" },
        );
      }
      return;
    }
    // A standby, or a connection set to read only: say so before trying to write.
    const { rows } = await client.query<{ ro: string }>("SHOW transaction_read_only");
    if (rows[0]?.ro === "on") {
      throw new FactuallyError(
        "STORE_READ_ONLY",
        `the PostgreSQL database ${location} is read-only (a standby, or a connection set to read only); nothing was changed`,
        { target: location, subject: "database" },
      );
    }
    // One process creates and migrates a schema at a time; the others wait, then find it up
    // to date (CREATE SCHEMA IF NOT EXISTS alone races: both see none, one fails).
    const lockName = `factually-migrate:${schema ?? (await currentSchema(client)) ?? ""}`;
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [lockName]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const current = await currentSchema(client);
      if (!current) {
        throw new FactuallyError(
          "BAD_CONFIG",
          `${location} has no schema to keep Factually's tables in (its search_path names none that exists)`,
          { target: location, subject: "database" },
        );
      }
      await migrate(client, location, current);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [lockName]);
    }
  } finally {
    client.release();
  }
}

async function currentSchema(client: pg.PoolClient): Promise<string | undefined> {
  const { rows } = await client.query<{ s: string | null }>("SELECT current_schema() AS s");
  return rows[0]?.s ?? undefined;
}

/** The schema version of `schema`, refusing one that is another program's or a newer Factually's. */
async function schemaVersion(
  client: pg.PoolClient,
  location: string,
  schema: string,
): Promise<number> {
  const { rows } = await client.query<{ ours: boolean; tables: number }>(
    `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2) AS ours,
            (SELECT count(*) FROM pg_tables WHERE schemaname = $1)::int AS tables`,
    [schema, SCHEMA_TABLE],
  );
  const { ours = false, tables = 0 } = rows[0] ?? {};
  if (!ours) {
    if (tables > 0) {
      throw new FactuallyError(
        "BAD_CONFIG",
        `${location} (schema ${schema}) holds another program's tables and none of Factually's; it was left untouched`,
        { target: location, subject: "database" },
      );
    }
    return 0;
  }
  const version =
    (
      await client.query<{ n: number | null }>(
        `SELECT max(version) AS n FROM "${schema}".${SCHEMA_TABLE}`,
      )
    ).rows[0]?.n ?? 0;
  if (version > PG_LATEST_SCHEMA) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `${location} (schema ${schema}) was written by a newer Factually (schema ${version}; this one knows up to ${PG_LATEST_SCHEMA}); upgrade Factually to open it`,
      { target: location, subject: "database" },
    );
  }
  return version;
}

async function migrate(client: pg.PoolClient, location: string, schema: string): Promise<void> {
  const from = await schemaVersion(client, location, schema);
  for (const migration of PG_MIGRATIONS) {
    if (migration.n <= from) continue;
    // Each step and its record commit together, so a crash never leaves half a schema.
    await client.query("BEGIN");
    try {
      if (from === 0 && migration.n === PG_MIGRATIONS[0]?.n) {
        await client.query(
          `CREATE TABLE ${SCHEMA_TABLE} (version integer PRIMARY KEY, why text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
      }
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${SCHEMA_TABLE} (version, why) VALUES ($1, $2)`, [
        migration.n,
        migration.why,
      ]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }
}
