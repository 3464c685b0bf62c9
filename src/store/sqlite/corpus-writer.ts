// Adds and updates corpus documents with their passages, all of a batch or none.
import type Database from "better-sqlite3";
import type { DocumentToStore, UpsertOutcome } from "../../core/interfaces/corpus-store.js";
import { contentHash } from "../../text/hash.js";
import { createPassageRows } from "./passage-rows.js";

interface ExistingRow {
  rowid: number;
  content_hash: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  metadata: string;
}

/** Prepared statements for writing, made once per store. */
export function createCorpusWriter(
  db: Database.Database,
): (documents: readonly DocumentToStore[]) => UpsertOutcome[] {
  const byId = db.prepare<[string], ExistingRow>(
    "SELECT rowid, content_hash, url, published_at, publisher, metadata FROM documents WHERE id = ?",
  );
  const byHash = db.prepare<[string, string], { id: string }>(
    "SELECT id FROM documents WHERE content_hash = ? AND id <> ? LIMIT 1",
  );
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at)
     VALUES (@id, @title, @text, @url, @publishedAt, @publisher, @metadata, @hash, @now)`,
  );
  const updateDocument = db.prepare(
    `UPDATE documents SET title = @title, text = @text, url = @url, published_at = @publishedAt,
       publisher = @publisher, metadata = @metadata, content_hash = @hash, ingested_at = @now
     WHERE rowid = @rowid`,
  );
  const passages = createPassageRows(db);

  function upsertOne(doc: DocumentToStore, now: string): UpsertOutcome {
    const title = doc.title ?? "";
    const hash = contentHash(title, doc.text);
    const row = {
      id: doc.id,
      title,
      text: doc.text,
      url: doc.url ?? null,
      publishedAt: doc.publishedAt ?? null,
      publisher: doc.publisher ?? null,
      metadata: JSON.stringify(doc.metadata ?? {}),
      hash,
      now,
    };
    const existing = byId.get(doc.id);
    if (!existing) {
      const twin = byHash.get(hash, doc.id);
      if (twin) return { id: doc.id, status: "duplicate", duplicateOf: twin.id, passages: 0 };
      const { lastInsertRowid } = insertDocument.run(row);
      return { id: doc.id, status: "added", passages: passages.write(lastInsertRowid, doc.text) };
    }
    const sameText = existing.content_hash === hash;
    const sameFields =
      existing.url === row.url &&
      existing.published_at === row.publishedAt &&
      existing.publisher === row.publisher &&
      existing.metadata === row.metadata;
    if (sameText && sameFields) return { id: doc.id, status: "unchanged", passages: 0 };
    updateDocument.run({ ...row, rowid: existing.rowid });
    if (sameText) return { id: doc.id, status: "updated", passages: 0 };
    passages.clear(existing.rowid);
    return { id: doc.id, status: "updated", passages: passages.write(existing.rowid, doc.text) };
  }

  /** Upserts every document in one transaction; an error rolls the whole batch back. */
  return db.transaction((documents: readonly DocumentToStore[]): UpsertOutcome[] => {
    const now = new Date().toISOString();
    return documents.map((doc) => upsertOne(doc, now));
  });
}
