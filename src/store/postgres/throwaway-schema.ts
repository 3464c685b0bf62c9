// Fresh PostgreSQL schemas for benchmarks and tests, each with a random name so that processes
// and test files running at once never share one, and all dropped when done.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgresStore, type PostgresStoreOptions, type PostgresStores } from "./open.js";

export interface ThrowawaySchemas {
  /** A new schema name, dropped by `dropAll`. */
  name(): string;
  /** Stores in a new, empty schema. */
  open(options?: Omit<PostgresStoreOptions, "schema">): Promise<PostgresStores>;
  /** Drops every schema handed out. */
  dropAll(): Promise<void>;
}

/** Schemas named `<prefix>_<12 random hex digits>` in the database at `url`. */
export function throwawaySchemas(url: string, prefix: string): ThrowawaySchemas {
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
