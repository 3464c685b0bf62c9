// The corpus in PostgreSQL: documents with their passages, written a batch per transaction,
// searched by pg-corpus-search.ts.
import type { Pool, PoolClient } from "pg";
import type {
  CorpusStore,
  DocumentToStore,
  UpsertOutcome,
} from "../../core/interfaces/corpus-store.js";
import { contentHash } from "../../text/hash.js";
import { type DocumentRow, documentOf } from "../stored-rows.js";
import { createPgCorpusSearch, type PgRetrievalOptions } from "./pg-corpus-search.js";
import { exportPgDocuments, importPgDocuments } from "./pg-corpus-transfer.js";
import { writePassages } from "./pg-passage-rows.js";
import { inTransaction } from "./pg-transaction.js";

interface ExistingRow {
  rowid: number;
  content_hash: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  same_metadata: boolean;
}

export interface PgCorpusStore extends CorpusStore {
  /** The same corpus searched with other ranking knobs (the rest of the defaults kept). */
  withRetrieval(retrieval: Partial<PgRetrievalOptions>): PgCorpusStore;
}

/** The corpus store over `pool`; `retrieval` overrides the default ranking knobs. */
export function createPgCorpus(
  pool: Pool,
  retrieval: Partial<PgRetrievalOptions> = {},
): PgCorpusStore {
  const search = createPgCorpusSearch(pool, retrieval);
  return {
    async upsertDocuments(documents) {
      return inTransaction(pool, async (client) => {
        const now = new Date().toISOString();
        const outcomes: UpsertOutcome[] = [];
        for (const doc of documents) outcomes.push(await upsertOne(client, doc, now));
        return outcomes;
      });
    },
    async getDocument(id) {
      const { rows } = await pool.query<DocumentRow>(
        `SELECT id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at
         FROM documents WHERE id = $1`,
        [id],
      );
      return rows[0] ? documentOf(rows[0]) : undefined;
    },
    searchCorpus: search,
    exportDocuments: ({ after, limit }) => exportPgDocuments(pool, after, limit),
    importDocuments: (documents) => importPgDocuments(pool, documents),
    withRetrieval(other) {
      return createPgCorpus(pool, { ...retrieval, ...other });
    },
    async corpusStats() {
      const { rows } = await pool.query<{ documents: number; passages: number }>(
        `SELECT (SELECT count(*) FROM documents)::int AS documents,
                (SELECT count(*) FROM passages)::int AS passages`,
      );
      return rows[0] ?? { documents: 0, passages: 0 };
    },
  };
}

async function upsertOne(
  client: PoolClient,
  doc: DocumentToStore,
  now: string,
): Promise<UpsertOutcome> {
  const title = doc.title ?? "";
  const hash = contentHash(title, doc.text);
  const metadata = JSON.stringify(doc.metadata ?? {});
  const fields = [doc.url ?? null, doc.publishedAt ?? null, doc.publisher ?? null, metadata];
  const existing = (
    await client.query<ExistingRow>(
      `SELECT rowid, content_hash, url, published_at, publisher, metadata = $2::jsonb AS same_metadata
       FROM documents WHERE id = $1`,
      [doc.id, metadata],
    )
  ).rows[0];
  if (!existing) {
    const twin = (
      await client.query<{ id: string }>(
        "SELECT id FROM documents WHERE content_hash = $1 AND id <> $2 LIMIT 1",
        [hash, doc.id],
      )
    ).rows[0];
    if (twin) return { id: doc.id, status: "duplicate", duplicateOf: twin.id, passages: 0 };
    const inserted = await client.query<{ rowid: number }>(
      `INSERT INTO documents (id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING rowid`,
      [doc.id, title, doc.text, ...fields, hash, now],
    );
    const rowid = inserted.rows[0]?.rowid as number;
    return { id: doc.id, status: "added", passages: await writePassages(client, rowid, doc.text) };
  }
  const sameText = existing.content_hash === hash;
  const sameFields =
    existing.url === fields[0] &&
    existing.published_at === fields[1] &&
    existing.publisher === fields[2] &&
    existing.same_metadata;
  if (sameText && sameFields) return { id: doc.id, status: "unchanged", passages: 0 };
  await client.query(
    `UPDATE documents SET title = $2, text = $3, url = $4, published_at = $5, publisher = $6,
       metadata = $7::jsonb, content_hash = $8, ingested_at = $9
     WHERE rowid = $1`,
    [existing.rowid, title, doc.text, ...fields, hash, now],
  );
  if (sameText) return { id: doc.id, status: "updated", passages: 0 };
  await client.query("DELETE FROM passages WHERE document_rowid = $1", [existing.rowid]);
  return {
    id: doc.id,
    status: "updated",
    passages: await writePassages(client, existing.rowid, doc.text),
  };
}
