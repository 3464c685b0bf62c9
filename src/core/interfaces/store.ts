// Where the corpus and the checks are kept.

import type { Document, DocumentInput } from "../schema/document.js";
import type { CheckStore } from "./check-store.js";
import type { SnapshotStore } from "./snapshot-store.js";

/** A document ready to store: its id is decided by ingest. */
export type DocumentToStore = DocumentInput & { id: string };

/** What happened to one document given to `upsertDocuments`. */
export type UpsertOutcome =
  | { id: string; status: "added" | "updated" | "unchanged"; passages: number }
  /** Same content as another stored document, so not stored twice. */
  | { id: string; status: "duplicate"; duplicateOf: string; passages: 0 };

/** Knobs of corpus retrieval; each one can be turned off to measure what it buys. */
export interface RetrievalOptions {
  /** BM25 weight of the title relative to the body (1 = one flat field). */
  titleWeight: number;
  /** Share of the best-passage score in a document's score (0 = document level only). */
  passageWeight: number;
  /**
   * Share of a proximity score: BM25 of adjacent query-word pairs found near each other in
   * the document (the unordered-window part of the sequential dependence model); 0 = off.
   */
  proximityWeight: number;
  /** Pseudo-relevance feedback: expansion terms from the top documents (0 = off). */
  feedbackDocs: number;
  feedbackTerms: number;
  /** Share of the expanded query's score. */
  feedbackWeight: number;
  /** Drop common function words from the query. */
  stopwords: boolean;
}

export interface CorpusSearchOptions {
  limit: number;
  retrieval?: Partial<RetrievalOptions>;
  signal?: AbortSignal;
}

/** One ranked document, with the passage that matched best. */
export interface CorpusSearchResult {
  document: Pick<Document, "id" | "title" | "url" | "publishedAt" | "publisher">;
  score: number;
  passage: {
    text: string;
    start: number;
    end: number;
    /** Character ranges of `text` that matched the query, for renderers to mark. */
    highlights: Array<[number, number]>;
  };
}

export interface CorpusStats {
  documents: number;
  passages: number;
}

/** The embedded store (SQLite) or a server store (PostgreSQL) behind one contract. */
export interface Store extends CheckStore, SnapshotStore {
  /** Where it lives: a file path, `:memory:` or a connection string without secrets. */
  readonly location: string;
  /** Adds or updates documents in one transaction: all of them are stored, or none. */
  upsertDocuments(documents: DocumentToStore[]): Promise<UpsertOutcome[]>;
  getDocument(id: string): Promise<Document | undefined>;
  /** Documents ranked for a free-text query; any text is safe (never parsed as query syntax). */
  searchCorpus(query: string, options: CorpusSearchOptions): Promise<CorpusSearchResult[]>;
  corpusStats(): Promise<CorpusStats>;
  close(): Promise<void>;
}
