// Where the corpus is kept: documents, their passages, and ranked search over them.

import type { Document, DocumentInput } from "../schema/document.js";
import type { ExportPage, ImportTally } from "./store-export.js";

/** A document ready to store: its id is decided by ingest. */
export type DocumentToStore = DocumentInput & { id: string };

/** What happened to one document given to `upsertDocuments`. */
export type UpsertOutcome =
  | { id: string; status: "added" | "updated" | "unchanged"; passages: number }
  /** Same content as another stored document, so not stored twice. */
  | { id: string; status: "duplicate"; duplicateOf: string; passages: 0 };

export interface CorpusSearchOptions {
  limit: number;
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

export interface CorpusStore {
  /** Adds or updates documents in one transaction: all of them are stored, or none. */
  upsertDocuments(documents: DocumentToStore[]): Promise<UpsertOutcome[]>;
  getDocument(id: string): Promise<Document | undefined>;
  /** Documents ranked for a free-text query; any text is safe (never parsed as query syntax). */
  searchCorpus(query: string, options: CorpusSearchOptions): Promise<CorpusSearchResult[]>;
  corpusStats(): Promise<CorpusStats>;
  /** Documents in id order (byte order), with their metadata, content hash and `ingestedAt`. */
  exportDocuments(page: ExportPage): Promise<Document[]>;
  /**
   * Writes exported documents as they are (ids and `ingestedAt` kept, no merging of identical
   * texts) in one transaction; identical documents are left alone.
   */
  importDocuments(documents: readonly Document[]): Promise<ImportTally>;
}
