// The corpus read out in id order and written back as it is, for copying between stores.
import type Database from "better-sqlite3";
import { type ImportTally, tallyOf } from "../../core/interfaces/store-export.js";
import type { Document } from "../../core/schema/document.js";
import { type DocumentRow, documentOf } from "./json-rows.js";
import { createPassageRows } from "./passage-rows.js";

/** A document row with its rowid, which passages and the full-text index refer to. */
interface TransferRow extends DocumentRow {
  rowid: number;
}

const COLUMNS =
  "rowid, id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at";

export interface CorpusTransfer {
  exportDocuments(after: string | undefined, limit: number): Document[];
  importDocuments: Database.Transaction<(documents: readonly Document[]) => ImportTally>;
}

/** Exports and imports of the corpus over `db`. */
export function createCorpusTransfer(db: Database.Database): CorpusTransfer {
  // SQLite compares TEXT byte by byte (BINARY collation), the order every store exports in.
  const page = db.prepare<[{ after: string; limit: number }], TransferRow>(
    `SELECT ${COLUMNS} FROM documents WHERE id > @after ORDER BY id LIMIT @limit`,
  );
  const byId = db.prepare<[string], TransferRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO documents (id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at)
     VALUES (@id, @title, @text, @url, @published_at, @publisher, @metadata, @content_hash, @ingested_at)`,
  );
  const update = db.prepare(
    `UPDATE documents SET title = @title, text = @text, url = @url, published_at = @published_at,
       publisher = @publisher, metadata = @metadata, content_hash = @content_hash,
       ingested_at = @ingested_at
     WHERE rowid = @rowid`,
  );
  const passages = createPassageRows(db);

  const importOne = (doc: Document): keyof ImportTally => {
    const row = rowOf(doc);
    const existing = byId.get(doc.id);
    if (!existing) {
      passages.write(insert.run(row).lastInsertRowid, doc.text);
      return "added";
    }
    const same = (Object.keys(row) as Array<keyof typeof row>).every(
      (key) => existing[key] === row[key],
    );
    if (same) return "unchanged";
    update.run({ ...row, rowid: existing.rowid });
    // Passages follow the text itself, not the hash the export carried.
    if (existing.text !== row.text) {
      passages.clear(existing.rowid);
      passages.write(existing.rowid, doc.text);
    }
    return "updated";
  };

  return {
    exportDocuments(after: string | undefined, limit: number): Document[] {
      return page.all({ after: after ?? "", limit }).map(documentOf);
    },
    importDocuments: db.transaction(
      (documents: readonly Document[]): ImportTally => tallyOf(documents.map(importOne)),
    ),
  };
}

function rowOf(doc: Document) {
  return {
    id: doc.id,
    title: doc.title,
    text: doc.text,
    url: doc.url ?? null,
    published_at: doc.publishedAt ?? null,
    publisher: doc.publisher ?? null,
    metadata: JSON.stringify(doc.metadata),
    content_hash: doc.contentHash,
    ingested_at: doc.ingestedAt,
  };
}
