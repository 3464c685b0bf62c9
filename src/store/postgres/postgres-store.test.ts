// What the PostgreSQL store does beyond the contracts: migrating once under its advisory lock,
// refusing schemas that are not its own, query text that is never tsquery syntax, read-only
// connections, and URLs whose password is never shown.
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PG_MIGRATIONS } from "./migrations.js";
import { openPostgresStore } from "./open.js";
import { tsqueryOperand } from "./pg-corpus-search.js";
import { SKIP_REASON, TEST_DATABASE_URL, testSchemas } from "./testing/test-database.js";

const url = TEST_DATABASE_URL ?? "";

/** Runs `sql` on its own connection to the test database. */
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL store${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  afterAll(() => schemas.dropAll());

  it("migrates once when two processes open a new schema at the same moment", async () => {
    const schema = schemas.name();
    const both = await Promise.all(
      [1, 2, 3].map(() => openPostgresStore(url, { schema, maxConnections: 2 })),
    );
    const steps = await sql<{ version: number }>(
      `SELECT version FROM "${schema}".factually_schema ORDER BY version`,
    );
    expect(steps.map((s) => s.version)).toEqual(PG_MIGRATIONS.map((m) => m.n));
    await both[0]?.corpus.upsertDocuments([{ id: "a", text: "Shared by every opener." }]);
    expect(await both[2]?.corpus.corpusStats()).toEqual({ documents: 1, passages: 1 });
    await Promise.all(both.map((s) => s.close()));
  });

  it("upgrades a schema of the first version, indexing the documents it already holds", async () => {
    const schema = schemas.name();
    const first = await openPostgresStore(url, { schema });
    await first.corpus.upsertDocuments([
      { id: "old", title: "Zinc lozenges", text: "Zinc lozenges shortened colds in adults." },
    ]);
    await first.close();
    // Back to schema 1 as a build of that version left it: no postings yet.
    await sql(`SET search_path = "${schema}";
      DROP TABLE document_terms; DROP FUNCTION documents_postings() CASCADE;
      DROP INDEX documents_id_bytes;
      CREATE INDEX documents_tsv ON documents USING gin(tsv);
      DROP TABLE store_settings; ALTER TABLE checks DROP COLUMN views;
      DROP INDEX feedback_rater; ALTER TABLE feedback DROP COLUMN rater;
      DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE users;
      DELETE FROM factually_schema WHERE version > 1`);
    const upgraded = await openPostgresStore(url, { schema });
    try {
      const [hit] = await upgraded.corpus.searchCorpus("zinc colds", { limit: 5 });
      expect(hit?.document.id).toBe("old");
      await upgraded.corpus.upsertDocuments([{ id: "new", text: "Zinc did nothing for colds." }]);
      expect((await upgraded.corpus.searchCorpus("zinc", { limit: 5 })).length).toBe(2);
    } finally {
      await upgraded.close();
    }
  });

  it("refuses a schema holding another program's tables, and touches nothing", async () => {
    const schema = schemas.name();
    await sql(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".customers (id int)`);
    await expect(openPostgresStore(url, { schema })).rejects.toMatchObject({
      code: "BAD_CONFIG",
      message: expect.stringContaining("another program's tables"),
    });
    const tables = await sql<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = $1",
      [schema],
    );
    expect(tables.map((t) => t.tablename)).toEqual(["customers"]);
  });

  it("refuses a schema written by a newer Factually", async () => {
    const schema = schemas.name();
    await (await openPostgresStore(url, { schema })).close();
    await sql(`INSERT INTO "${schema}".factually_schema (version, why) VALUES (999, 'future')`);
    await expect(openPostgresStore(url, { schema })).rejects.toMatchObject({
      code: "BAD_CONFIG",
      message: expect.stringContaining("newer Factually (schema 999"),
    });
  });

  it("treats tsquery operators, quotes and backslashes in a query as plain words", async () => {
    const store = await schemas.open();
    try {
      await store.corpus.upsertDocuments([
        { id: "alpha", title: "Alpha", text: "Alpha particles were counted in the chamber." },
        { id: "beta", title: "Beta", text: "Beta decay releases an electron and a neutrino." },
        { id: "gamma", title: "Gamma", text: "Gamma rays pass through thin lead sheets." },
      ]);
      const hostile = [
        "'a & !b:* | (c'",
        "'alpha & !beta:* | (gamma'",
        "alpha <-> beta",
        "alpha <2> !!beta",
        "\\'alpha\\\\",
        "'''",
        "\\",
        'alpha" OR "1"="1',
        "alpha:*A",
        "!(",
      ];
      for (const query of hostile) {
        const results = await store.corpus.searchCorpus(query, { limit: 5 });
        expect(results, query).toBeInstanceOf(Array);
      }
      // "!beta" excludes nothing: every word is a plain search term.
      const ids = (await store.corpus.searchCorpus("'alpha & !beta:* | (gamma'", { limit: 5 }))
        .map((r) => r.document.id)
        .sort();
      expect(ids).toEqual(["alpha", "beta", "gamma"]);
      // The passage blend builds its tsquery from the same quoted lexemes.
      const blended = store.corpus.withRetrieval({ passageWeight: 0.4 });
      for (const query of hostile) {
        expect(await blended.searchCorpus(query, { limit: 5 }), query).toBeInstanceOf(Array);
      }
      expect((await blended.searchCorpus("beta decay", { limit: 5 }))[0]?.document.id).toBe("beta");
      expect(await store.corpus.corpusStats()).toEqual({ documents: 3, passages: 3 });
    } finally {
      await store.close();
    }
  });

  it("quotes a lexeme so that PostgreSQL reads it as one operand", async () => {
    for (const lexeme of ["it's", "back\\slash", "a & b", "x:*", "'"]) {
      const [row] = await sql<{ nodes: number; text: string }>(
        "SELECT numnode($1::tsquery) AS nodes, $1::tsquery::text AS text",
        [tsqueryOperand(lexeme)],
      );
      expect(row?.nodes, lexeme).toBe(1);
    }
  });

  it("opened read-only, refuses writes as STORE_READ_ONLY and still reads", async () => {
    const schema = schemas.name();
    const writer = await openPostgresStore(url, { schema });
    await writer.corpus.upsertDocuments([{ id: "kept", text: "Written before the reader." }]);
    await writer.close();
    const reader = await openPostgresStore(url, { schema, access: "read-only" });
    try {
      expect(reader.readOnly).toBe(true);
      expect((await reader.corpus.getDocument("kept"))?.text).toBe("Written before the reader.");
      await expect(
        reader.corpus.upsertDocuments([{ id: "new", text: "Not allowed here." }]),
      ).rejects.toMatchObject({ code: "STORE_READ_ONLY" });
    } finally {
      await reader.close();
    }
    // A schema never migrated cannot be opened read-only: that would need a write.
    await expect(
      openPostgresStore(url, { schema: schemas.name(), access: "read-only" }),
    ).rejects.toMatchObject({ code: "STORE_READ_ONLY" });
  });

  it("on a read-only server, fails read-write and falls back when asked to", async () => {
    const schema = schemas.name();
    await (await openPostgresStore(url, { schema })).close();
    // A standby refuses writes as a connection with default_transaction_read_only does.
    const standby = new URL(url);
    standby.searchParams.set("options", "-c default_transaction_read_only=on");
    await expect(openPostgresStore(standby.toString(), { schema })).rejects.toMatchObject({
      code: "STORE_READ_ONLY",
    });
    const fallback = await openPostgresStore(standby.toString(), {
      schema,
      access: "read-write-else-read-only",
    });
    try {
      expect(fallback.readOnly).toBe(true);
      expect(await fallback.corpus.corpusStats()).toEqual({ documents: 0, passages: 0 });
    } finally {
      await fallback.close();
    }
  });

  it("lets one of two processes beginning the same check at once run it", async () => {
    const schema = schemas.name();
    const [a, b] = await Promise.all([
      openPostgresStore(url, { schema }),
      openPostgresStore(url, { schema }),
    ]);
    try {
      const outcomes = await Promise.allSettled([
        a.checks.beginVersion("same-check-00000000"),
        b.checks.beginVersion("same-check-00000000"),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({
        reason: { code: "CONFLICT" },
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("never shows the password: not in location, not in a connection error", async () => {
    const withPassword = new URL(url);
    withPassword.password = "hunter2";
    const store = await schemas.open();
    await store.close();
    const opened = await openPostgresStore(withPassword.toString(), { schema: schemas.name() });
    expect(opened.location).not.toContain("hunter2");
    expect(opened.location).toContain(withPassword.hostname);
    await opened.close();

    const unreachable = new URL(withPassword);
    unreachable.hostname = "127.0.0.1";
    unreachable.port = String(await closedPort());
    const error = await openPostgresStore(unreachable.toString()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "STORE_FAILED",
      message: expect.stringContaining(`127.0.0.1:${unreachable.port}`),
    });
    expect(String((error as Error).message)).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
  });
});
