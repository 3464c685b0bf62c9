// Stage 4: the documents behind the best hits, each read by the first reader that can — a few
// at a time (web pages wait on the network), kept in search order.
import { isFactuallyError, messageOf } from "../core/errors.js";
import type { Reader, ReadResult } from "../core/interfaces/reader.js";
import { mapLimited } from "./map-limited.js";
import type { FusedHit } from "./search.js";

/** Documents read at once; enough to overlap network waits without hammering one site. */
export const READ_CONCURRENCY = 6;

/** A document as its reader returned it (note, snapshot, prior fact-check), with its hit. */
export interface ReadDocument extends ReadResult {
  hit: FusedHit;
  /** 1-based rank in the fused search ranking. */
  searchRank: number;
}

/** Why a hit left a note: no reader for it, it could not be read, or its reader said something. */
export type ReadNoteCode = "no-reader" | "unreadable" | "reader-note";

export interface ReadStageResult {
  documents: ReadDocument[];
  notes: string[];
  /** The same notes with their codes, in the same order. */
  noteDetails: Array<{ code: ReadNoteCode; message: string }>;
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
  const noteDetails: ReadStageResult["noteDetails"] = [];
  for (const outcome of outcomes) {
    if (outcome?.read) documents.push(outcome.read);
    if (outcome?.note) noteDetails.push(outcome.note);
  }
  return { documents, notes: noteDetails.map((n) => n.message), noteDetails };
}

async function readOne(
  hit: FusedHit,
  i: number,
  readers: readonly Reader[],
  signal: AbortSignal | undefined,
): Promise<{ read?: ReadDocument; note?: { code: ReadNoteCode; message: string } }> {
  const reader = readers.find((r) => r.canRead(hit.hit));
  if (!reader) {
    return {
      note: {
        code: "no-reader",
        message: `no reader for "${hit.hit.title}" (${hit.key}); skipped`,
      },
    };
  }
  try {
    const result = await reader.read(hit.hit, signal ? { signal } : undefined);
    return {
      read: { ...result, hit, searchRank: i + 1 },
      ...(result.note
        ? { note: { code: "reader-note", message: `"${result.document.title}" ${result.note}` } }
        : {}),
    };
  } catch (error) {
    if (isFactuallyError(error) && error.code === "ABORTED") throw error;
    signal?.throwIfAborted();
    const message = messageOf(error);
    return {
      note: { code: "unreadable", message: `could not read "${hit.hit.title}": ${message}` },
    };
  }
}
