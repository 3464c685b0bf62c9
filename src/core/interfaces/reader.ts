// Turns a search hit into the full document the later stages read.
import type { Document } from "../schema/document.js";
import type { PriorFactCheck, SearchHit } from "../schema/search-hit.js";

export interface ReadOptions {
  signal?: AbortSignal;
}

/** A document as read, with what the reader knows about the reading itself. */
export interface ReadResult {
  document: Document;
  /** Something the check should say about this reading (e.g. read from an older snapshot). */
  note?: string;
  /** The web snapshot the document was read from, which a citation can point to. */
  snapshotId?: string;
  /** Set when the document is an earlier fact-check by another publisher (listed, not weighed). */
  priorFactCheck?: PriorFactCheck;
}

/** Reads the document behind a hit (a corpus row, a web page, a PDF). */
export interface Reader {
  readonly id: string;
  /** Whether this reader can read the hit (e.g. it has a corpus id, or an http URL). */
  canRead(hit: SearchHit): boolean;
  /** The document; throws FactuallyError (NOT_FOUND, PROVIDER_FAILED, BLOCKED_URL…) when it cannot. */
  read(hit: SearchHit, options?: ReadOptions): Promise<ReadResult>;
}
