// The corpus read out in id order and written back as it is, for copying between stores.
import type { Pool, PoolClient } from "pg";
import { type ImportTally, tallyOf } from "../../core/interfaces/store-export.js";
import type { Document } from "../../core/schema/document.js";
import { type DocumentRow, documentOf } from "../stored-rows.js";
import { writePassages } from "./pg-passage-rows.js";
import { inTransaction } from "./pg-transaction.js";

/** Documents after `after` in byte order of their ids (migration 3 indexes that order). */
export async function exportPgDocuments(
  pool: Pool,
  after: string | undefined,
  limit: number,
): Promise<Document[]> {
  const { rows } = await pool.query<DocumentRow>(
    `SELECT id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at
     FROM documents WHERE id COLLATE "C" > $1::text
     ORDER BY id COLLATE "C" LIMIT $2`,
    [after ?? "", limit],
  );
  return rows.map(documentOf);
}

/** Writes documents as they are (ids and ingestedAt kept) in one transaction. */
export async function importPgDocuments(
  pool: Pool,
  documents: readonly Document[],
): Promise<ImportTally> {
  return inTransaction(pool, async (client) => {
    const outcomes: Array<keyof ImportTally> = [];
    for (const doc of documents) outcomes.push(await importOne(client, doc));
    return tallyOf(outcomes);
  });
}

async function importOne(client: PoolClient, doc: Document): Promise<keyof ImportTally> {
  const values = [
    doc.id,
    doc.title,
    doc.text,
    doc.url ?? null,
    doc.publishedAt ?? null,
    doc.publisher ?? null,
    JSON.stringify(doc.metadata),
    doc.contentHash,
    doc.ingestedAt,
  ];
  const existing = (
    await client.query<{ rowid: number; same: boolean; same_text: boolean }>(
      `SELECT rowid,
         title = $2 AND text = $3 AND url IS NOT DISTINCT FROM $4
           AND published_at IS NOT DISTINCT FROM $5 AND publisher IS NOT DISTINCT FROM $6
           AND metadata = $7::jsonb AND content_hash = $8 AND ingested_at = $9 AS same,
         text = $3 AS same_text
       FROM documents WHERE id = $1`,
      values,
    )
  ).rows[0];
  if (existing?.same) return "unchanged";
  if (!existing) {
    const inserted = await client.query<{ rowid: number }>(
      `INSERT INTO documents (id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING rowid`,
      values,
    );
    await writePassages(client, inserted.rows[0]?.rowid as number, doc.text);
    return "added";
  }
  await client.query(
    `UPDATE documents SET title = $2, text = $3, url = $4, published_at = $5, publisher = $6,
       metadata = $7::jsonb, content_hash = $8, ingested_at = $9
     WHERE id = $1`,
    values,
  );
  // Passages follow the text itself, not the hash the export carried.
  if (!existing.same_text) {
    await client.query("DELETE FROM passages WHERE document_rowid = $1", [existing.rowid]);
    await writePassages(client, existing.rowid, doc.text);
  }
  return "updated";
}
