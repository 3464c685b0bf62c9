// The public API of the `factually` package: the domain model, the store, ingest, search and
// the fact-check pipeline with its offline stages and renderers.

export { type CheckStages, checkStages } from "./assemble/check-stages.js";
export {
  type CopyOptions,
  type CopyProgress,
  type CopyReport,
  copyDatabase,
  copyStores,
  type KindReport,
} from "./assemble/db-copy.js";
export { type BackupResult, backupDatabase, checkDatabase } from "./assemble/db-maintenance.js";
export { EmptyCorpusError, isEmptyCorpusError } from "./assemble/empty-corpus-error.js";
export {
  type CheckControls,
  type CheckRequest,
  type Engine,
  type EngineOptions,
  openEngine,
  type RefreshRequest,
} from "./assemble/engine.js";
export { modelCheckDependencies } from "./assemble/model-check.js";
export { type ModelChoice, type ModelMode, modelModeOf } from "./assemble/model-choice.js";
export { offlineCheckDependencies } from "./assemble/offline-check.js";
export { openStores } from "./assemble/open-stores.js";
export {
  dueRefreshes,
  pickStale,
  refreshStale,
  remainingBudget,
  type StaleOutcome,
  type StalePick,
  type StaleRefreshOptions,
  type StaleRefreshTally,
} from "./assemble/stale-refresh.js";
export {
  canonicalJson,
  digestKind,
  type KindDigest,
  STORE_KINDS,
  type StoreKind,
} from "./assemble/store-digest.js";
export {
  type CheckOutcome,
  checkOrReuse,
  type RefreshResult,
  refreshCheck,
  runAndStore,
  type StoredCheckResult,
} from "./assemble/stored-check.js";
export {
  createStanceAssessor,
  type StancePredictor,
  type StanceProbabilities,
} from "./assess/stance-assessor.js";
export { type Config, type ConfigSources, DEFAULT_DB, loadConfig } from "./config/config.js";
export {
  LLM_DEFAULTS,
  LLM_PROVIDERS,
  type LlmConfig,
  type LlmProvider,
} from "./config/llm-config.js";
export * from "./core/index.js";
export { SCIFACT_SCHEME, type VerdictScheme } from "./data/label-mappings.js";
export { runScifactRetrieval, type ScifactRetrievalResult } from "./eval/scifact-retrieval.js";
export { runVerification, VERDICT_TO_GOLD } from "./eval/verification.js";
export { INGEST_FORMATS, type IngestFormat } from "./ingest/formats/types.js";
export {
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestPaths,
  type SkippedInput,
} from "./ingest/ingest.js";
export type { ModelHandle } from "./llm/model-caller.js";
export { PROMPT_VERSIONS } from "./llm/prompts/index.js";
export { checkReachable, languageModelFor, modelHandleFor } from "./llm/providers.js";
export { judge } from "./pipeline/judge.js";
export { createModelLedger, type ModelBudget, type ModelLedger } from "./pipeline/model-ledger.js";
export { planQueries, templatePlanner } from "./pipeline/plan.js";
export {
  type CheckDependencies,
  type CheckLimits,
  type CheckOptions,
  type CheckResult,
  DEFAULT_BUDGETS,
  DEFAULT_LIMITS,
  runCheck,
} from "./pipeline/run.js";
export { rulesUnderstander, understandText } from "./pipeline/understand.js";
export { lexicalVerifier } from "./pipeline/verify.js";
export { DISCLAIMER, extractiveWriter } from "./pipeline/write.js";
export { CorpusReader } from "./read/corpus-reader.js";
export { requireCheck, requireVersion } from "./records/lookup.js";
export { freshnessDaysOf, isStale } from "./records/staleness.js";
export { diffVersions, type VersionDiff } from "./records/version-diff.js";
export { jsonLdScriptText, renderClaimReview } from "./render/claimreview.js";
export { renderDiffText } from "./render/diff.js";
export { STALE_NOTICE } from "./render/labels.js";
export { renderCheckMarkdown } from "./render/markdown.js";
export { renderCheckText } from "./render/text.js";
export { LocalSearchProvider } from "./search/local-provider.js";
export {
  openPostgresStore,
  type PostgresStoreOptions,
  type PostgresStores,
} from "./store/postgres/open.js";
export type { PgCorpusStore } from "./store/postgres/pg-corpus.js";
export type { PgRetrievalOptions } from "./store/postgres/pg-corpus-search.js";
export { DEFAULT_RETRIEVAL, type RetrievalOptions } from "./store/sqlite/corpus-search.js";
export { openSqliteStore } from "./store/sqlite/open.js";
export type { SqliteCorpusStore } from "./store/sqlite/sqlite-corpus.js";
export type { SqliteStores } from "./store/sqlite/sqlite-store.js";
