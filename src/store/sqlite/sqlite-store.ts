// The embedded store: corpus and checks in one SQLite file.
import type Database from "better-sqlite3";
import type {
  CorpusSearchOptions,
  CorpusSearchResult,
  CorpusStats,
  DocumentToStore,
  Store,
  UpsertOutcome,
} from "../../core/interfaces/store.js";
import type { Document } from "../../core/schema/document.js";
import { createCorpusSearch } from "./corpus-search.js";
import { createCorpusWriter } from "./corpus-writer.js";

interface DocumentRow {
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

/** SQLite (better-sqlite3) implementation of `Store`; made by `openSqliteStore`. */
export class SqliteStore implements Store {
  readonly location: string;
  readonly #db: Database.Database;
  readonly #write: ReturnType<typeof createCorpusWriter>;
  readonly #search: ReturnType<typeof createCorpusSearch>;

  constructor(db: Database.Database, location: string) {
    this.#db = db;
    this.location = location;
    this.#write = createCorpusWriter(db);
    this.#search = createCorpusSearch(db);
  }

  async upsertDocuments(documents: DocumentToStore[]): Promise<UpsertOutcome[]> {
    return this.#write(documents);
  }

  async getDocument(id: string): Promise<Document | undefined> {
    const row = this.#db
      .prepare<[string], DocumentRow>(
        `SELECT id, title, text, url, published_at, publisher, metadata, content_hash, ingested_at
         FROM documents WHERE id = ?`,
      )
      .get(id);
    if (!row) return undefined;
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

  async searchCorpus(query: string, options: CorpusSearchOptions): Promise<CorpusSearchResult[]> {
    return this.#search(query, options);
  }

  async corpusStats(): Promise<CorpusStats> {
    const row = this.#db
      .prepare<[], CorpusStats>(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM passages) AS passages",
      )
      .get();
    return row ?? { documents: 0, passages: 0 };
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
