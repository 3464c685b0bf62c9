// Our engine as the benchmark drives it: the SQLite store, exactly as `factually ingest` fills it.
import { statSync } from "node:fs";
import { join } from "node:path";
import { openSqliteStore } from "../dist/store/sqlite/open.js";
import { type BenchEngine, RESULT_LIMIT } from "./bench-engine.ts";

/** A new SQLite store in `workDir`, searched with the default retrieval options. */
export function openFactuallyEngine(workDir: string): BenchEngine {
  const path = join(workDir, "bench.db");
  const store = openSqliteStore(path);
  return {
    label: "factually (SQLite FTS5)",
    async ingest(batch) {
      await store.corpus.upsertDocuments(batch);
    },
    async search(query) {
      return (await store.corpus.searchCorpus(query, { limit: RESULT_LIMIT })).length;
    },
    async counts() {
      return store.corpus.corpusStats();
    },
    // The write-ahead log holds pages not yet copied into the main file: both are the index.
    diskBytes: () => fileSize(path) + fileSize(`${path}-wal`),
    close: () => store.close(),
  };
}

function fileSize(path: string): number {
  // No -wal file (yet, or after a checkpoint) means no bytes there.
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}
