// A document as SQLite returns it: the row and the Document made from it (metadata is JSON
// text). Shared by the corpus store and its export/import.
import type { Document } from "../../core/schema/document.js";

export interface DocumentRow {
  id: string;
  title: string;
  text: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  metadata: string;
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
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}
