// A document as PostgreSQL returns it and as it is written: the row, the Document made from it,
// and its passages inserted in one statement. Shared by the corpus store and its export/import.
import type { PoolClient } from "pg";
import type { Document } from "../../core/schema/document.js";
import { splitPassages } from "../../text/passages.js";

export interface DocumentRow {
  id: string;
  title: string;
  text: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  metadata: Record<string, unknown>;
  content_hash: string;
  ingested_at: string;
}

export function documentOf(row: DocumentRow): Document {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.published_at === null ? {} : { publishedAt: row.published_at }),
    ...(row.publisher === null ? {} : { publisher: row.publisher }),
    metadata: row.metadata,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}

/** Inserts the passages of a document's text in one statement; returns how many. */
export async function writePassages(
  client: PoolClient,
  rowid: number,
  text: string,
): Promise<number> {
  const spans = splitPassages(text);
  if (spans.length === 0) return 0;
  await client.query(
    `INSERT INTO passages (document_rowid, ord, start, "end", text)
     SELECT $1, p.ord - 1, p.start, p.finish, p.text
     FROM unnest($2::int[], $3::int[], $4::text[]) WITH ORDINALITY AS p(start, finish, text, ord)`,
    [
      rowid,
      spans.map((s) => s.start),
      spans.map((s) => s.end),
      spans.map((s) => text.slice(s.start, s.end)),
    ],
  );
  return spans.length;
}
