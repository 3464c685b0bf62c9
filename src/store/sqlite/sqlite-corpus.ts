// The corpus in SQLite: documents with their passages, ranked by BM25 with the retrieval
// knobs fixed when the store is opened (the retrieval benchmark asks for other settings).
import type Database from "better-sqlite3";
import type { CorpusStats, CorpusStore } from "../../core/interfaces/corpus-store.js";
import { createCorpusSearch, DEFAULT_RETRIEVAL, type RetrievalOptions } from "./corpus-search.js";
import { createCorpusTransfer } from "./corpus-transfer.js";
import { createCorpusWriter } from "./corpus-writer.js";
import { type DocumentRow, documentOf } from "./json-rows.js";

export interface SqliteCorpusStore extends CorpusStore {
  /** The same corpus searched with other retrieval knobs (the rest of the defaults kept). */
  withRetrieval(retrieval: Partial<RetrievalOptions>): SqliteCorpusStore;
}

/** The corpus store over `db`; `retrieval` overrides the default knobs of every search. */
export function createSqliteCorpus(
  db: Database.Database,
  retrieval: Partial<RetrievalOptions> = {},
): SqliteCorpusStore {
  const write = createCorpusWriter(db);
  const search = createCorpusSearch(db);
  // Prepared on first use: only `db copy` exports or imports, and every open pays for eager ones.
  let transfer: ReturnType<typeof createCorpusTransfer> | undefined;
  const transfers = () => {
    transfer ??= createCorpusTransfer(db);
    return transfer;
  };
  const documentById = db.prepare<[string], DocumentRow>(
    `SELECT id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at
     FROM documents WHERE id = ?`,
  );
  const stats = db.prepare<[], CorpusStats>(
    "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM passages) AS passages",
  );
  const knobs: RetrievalOptions = { ...DEFAULT_RETRIEVAL, ...retrieval };
  return {
    async upsertDocuments(documents) {
      return write(documents);
    },
    async getDocument(id) {
      const row = documentById.get(id);
      return row ? documentOf(row) : undefined;
    },
    async searchCorpus(query, options) {
      return search(query, options, knobs);
    },
    async corpusStats() {
      return stats.get() ?? { documents: 0, passages: 0 };
    },
    async exportDocuments({ after, limit }) {
      return transfers().exportDocuments(after, limit);
    },
    async importDocuments(documents) {
      return transfers().importDocuments.immediate(documents);
    },
    withRetrieval(other) {
      return createSqliteCorpus(db, { ...knobs, ...other });
    },
  };
}
