// Fresh PostgreSQL schemas for tests and benchmarks, each with a random name so that test files
// running in parallel workers never share one, and all dropped when done.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgresStore, type PostgresStoreOptions, type PostgresStores } from "../open.js";

/** The database the PostgreSQL tests use, if any (`FACTUALLY_TEST_DATABASE_URL`). */
export const TEST_DATABASE_URL = process.env.FACTUALLY_TEST_DATABASE_URL?.trim() || undefined;

export interface ThrowawaySchemas {
  /** A new schema name, dropped by `dropAll`. */
  name(): string;
  /** Stores in a new, empty schema. */
  open(options?: Omit<PostgresStoreOptions, "schema">): Promise<PostgresStores>;
  /** Drops every schema handed out. */
  dropAll(): Promise<void>;
}

export function throwawaySchemas(url: string, prefix = "factually_test"): ThrowawaySchemas {
  const names: string[] = [];
  const name = () => {
    const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
    names.push(schema);
    return schema;
  };
  return {
    name,
    open: (options = {}) =>
      openPostgresStore(url, { ...options, schema: name(), maxConnections: 4 }),
    async dropAll() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of names.splice(0)) {
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      } finally {
        await client.end();
      }
    },
  };
}
