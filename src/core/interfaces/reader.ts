// Turns a search hit into the full document the later stages read.
import type { Document } from "../schema/document.js";
import type { SearchHit } from "../schema/search-hit.js";

export interface ReadOptions {
  signal?: AbortSignal;
}

/** Reads the document behind a hit (a corpus row, a web page, a PDF). */
export interface Reader {
  readonly id: string;
  /** Whether this reader can read the hit (e.g. it has a corpus id, or an http URL). */
  canRead(hit: SearchHit): boolean;
  /** The document; throws FactuallyError (NOT_FOUND, PROVIDER_FAILED, BLOCKED_URL…) when it cannot. */
  read(hit: SearchHit, options?: ReadOptions): Promise<Document>;
}
