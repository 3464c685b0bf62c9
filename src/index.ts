// The public API of the `factually` package: the domain model, the store, ingest and search.

export { type Config, type ConfigSources, DEFAULT_DB, loadConfig } from "./config/config.js";
export * from "./core/index.js";
export { runScifactRetrieval, type ScifactRetrievalResult } from "./eval/scifact-retrieval.js";
export { INGEST_FORMATS, type IngestFormat } from "./ingest/formats/types.js";
export {
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestPaths,
  type SkippedInput,
} from "./ingest/ingest.js";
export { CorpusReader } from "./read/corpus-reader.js";
export { LocalSearchProvider } from "./search/local-provider.js";
export { DEFAULT_RETRIEVAL } from "./store/sqlite/corpus-search.js";
export { openSqliteStore } from "./store/sqlite/open.js";
export type { SqliteStore } from "./store/sqlite/sqlite-store.js";
