// Stage 4: the documents behind the best hits, each read by the first reader that can.
import { isFactuallyError } from "../core/errors.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { Document } from "../core/schema/document.js";
import type { FusedHit } from "./search.js";

export interface ReadDocument {
  document: Document;
  hit: FusedHit;
  /** 1-based rank in the fused search ranking. */
  searchRank: number;
}

export interface ReadStageResult {
  documents: ReadDocument[];
  notes: string[];
}

/** Reads the first `limit` hits; one that cannot be read is noted and skipped. */
export async function readHits(
  hits: readonly FusedHit[],
  readers: readonly Reader[],
  options: { limit: number; signal?: AbortSignal; onRead?: (doc: ReadDocument) => void },
): Promise<ReadStageResult> {
  const documents: ReadDocument[] = [];
  const notes: string[] = [];
  for (const [i, hit] of hits.slice(0, options.limit).entries()) {
    options.signal?.throwIfAborted();
    const reader = readers.find((r) => r.canRead(hit.hit));
    if (!reader) {
      notes.push(`no reader for "${hit.hit.title}" (${hit.key}); skipped`);
      continue;
    }
    try {
      const document = await reader.read(
        hit.hit,
        options.signal ? { signal: options.signal } : undefined,
      );
      const read = { document, hit, searchRank: i + 1 };
      documents.push(read);
      options.onRead?.(read);
    } catch (error) {
      if (isFactuallyError(error) && error.code === "ABORTED") throw error;
      options.signal?.throwIfAborted();
      const message = error instanceof Error ? error.message : String(error);
      notes.push(`could not read "${hit.hit.title}": ${message}`);
    }
  }
  return { documents, notes };
}
