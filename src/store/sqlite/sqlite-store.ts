// The embedded store: corpus and checks in one SQLite file.
import type Database from "better-sqlite3";
import type {
  CheckPage,
  CheckStore,
  RunLease,
  StoredCheck,
} from "../../core/interfaces/check-store.js";
import type {
  NewSnapshot,
  SnapshotStore,
  WebSnapshot,
} from "../../core/interfaces/snapshot-store.js";
import type {
  CorpusSearchOptions,
  CorpusSearchResult,
  CorpusStats,
  DocumentToStore,
  Store,
  UpsertOutcome,
} from "../../core/interfaces/store.js";
import type { Check, CheckVersion, ClaimOrigin, Feedback } from "../../core/schema/check.js";
import type { Document } from "../../core/schema/document.js";
import { createCheckRecords, type ProcessProbe } from "./check-records.js";
import { createCorpusSearch } from "./corpus-search.js";
import { createCorpusWriter } from "./corpus-writer.js";
import { createWebSnapshots } from "./web-snapshots.js";

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
  readonly #checks: CheckStore;
  readonly #snapshots: SnapshotStore;

  constructor(db: Database.Database, location: string, options: { isAlive?: ProcessProbe } = {}) {
    this.#db = db;
    this.location = location;
    this.#write = createCorpusWriter(db);
    this.#search = createCorpusSearch(db);
    this.#checks = createCheckRecords(db, options);
    this.#snapshots = createWebSnapshots(db);
  }

  /** Opened for reading only (read-only media, or a command that only reads): writes are refused. */
  get readOnly(): boolean {
    return this.#db.readonly;
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

  beginVersion(checkId: string, now?: Date): Promise<RunLease> {
    return this.#checks.beginVersion(checkId, now);
  }

  renewLease(lease: RunLease, now?: Date): Promise<void> {
    return this.#checks.renewLease(lease, now);
  }

  commitVersion(lease: RunLease, check: Check, version: CheckVersion): Promise<void> {
    return this.#checks.commitVersion(lease, check, version);
  }

  abandonVersion(lease: RunLease): Promise<void> {
    return this.#checks.abandonVersion(lease);
  }

  getCheck(id: string): Promise<StoredCheck | undefined> {
    return this.#checks.getCheck(id);
  }

  getVersion(id: string, n: number): Promise<CheckVersion | undefined> {
    return this.#checks.getVersion(id, n);
  }

  listChecks(options: { limit: number; cursor?: string }): Promise<CheckPage> {
    return this.#checks.listChecks(options);
  }

  addFeedback(feedback: Feedback): Promise<void> {
    return this.#checks.addFeedback(feedback);
  }

  listFeedback(id: string, n: number): Promise<Feedback[]> {
    return this.#checks.listFeedback(id, n);
  }

  setFreshness(id: string, days: number | undefined): Promise<void> {
    return this.#checks.setFreshness(id, days);
  }

  setOrigin(id: string, origin: ClaimOrigin): Promise<void> {
    return this.#checks.setOrigin(id, origin);
  }

  latestSnapshot(url: string): Promise<WebSnapshot | undefined> {
    return this.#snapshots.latestSnapshot(url);
  }

  getSnapshot(id: string): Promise<WebSnapshot | undefined> {
    return this.#snapshots.getSnapshot(id);
  }

  saveSnapshot(snapshot: NewSnapshot): Promise<WebSnapshot> {
    return this.#snapshots.saveSnapshot(snapshot);
  }

  markValidated(
    id: string,
    at: string,
    validators?: { etag?: string; lastModified?: string },
  ): Promise<void> {
    return this.#snapshots.markValidated(id, at, validators);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
