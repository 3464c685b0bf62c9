// Stage 4: the documents behind the best hits, each read by the first reader that can — a few
// at a time (web pages wait on the network), kept in search order.
import { isFactuallyError, messageOf } from "../core/errors.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { Document } from "../core/schema/document.js";
import { mapLimited } from "./map-limited.js";
import type { FusedHit } from "./search.js";

/** Documents read at once; enough to overlap network waits without hammering one site. */
export const READ_CONCURRENCY = 6;

/** Metadata key a reader may set to leave a note for the check (e.g. read from a snapshot). */
export const READ_NOTE_KEY = "readNote";

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
  options: {
    limit: number;
    signal?: AbortSignal;
    concurrency?: number;
    onRead?: (doc: ReadDocument) => void;
  },
): Promise<ReadStageResult> {
  const chosen = hits.slice(0, options.limit);
  const outcomes = await mapLimited(
    chosen,
    options.concurrency ?? READ_CONCURRENCY,
    async (hit, i) => {
      options.signal?.throwIfAborted();
      const outcome = await readOne(hit, i, readers, options.signal);
      if (outcome.read) options.onRead?.(outcome.read);
      return outcome;
    },
  );
  const documents: ReadDocument[] = [];
  const notes: string[] = [];
  for (const outcome of outcomes) {
    if (outcome?.read) documents.push(outcome.read);
    if (outcome?.note) notes.push(outcome.note);
  }
  return { documents, notes };
}

async function readOne(
  hit: FusedHit,
  i: number,
  readers: readonly Reader[],
  signal: AbortSignal | undefined,
): Promise<{ read?: ReadDocument; note?: string }> {
  const reader = readers.find((r) => r.canRead(hit.hit));
  if (!reader) return { note: `no reader for "${hit.hit.title}" (${hit.key}); skipped` };
  try {
    const document = await reader.read(hit.hit, signal ? { signal } : undefined);
    const note = document.metadata[READ_NOTE_KEY];
    return {
      read: { document, hit, searchRank: i + 1 },
      ...(typeof note === "string" ? { note: `"${document.title}" ${note}` } : {}),
    };
  } catch (error) {
    if (isFactuallyError(error) && error.code === "ABORTED") throw error;
    signal?.throwIfAborted();
    const message = messageOf(error);
    return { note: `could not read "${hit.hit.title}": ${message}` };
  }
}
