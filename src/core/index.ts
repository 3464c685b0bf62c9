// The domain model and the contracts everything else implements.

export type { ErrorCode, FactuallyErrorOptions } from "./errors.js";
export { FactuallyError, isFactuallyError } from "./errors.js";
export type { Reader, ReadOptions } from "./interfaces/reader.js";
export type { SearchOptions, SearchProvider } from "./interfaces/search-provider.js";
export type {
  CorpusSearchOptions,
  CorpusSearchResult,
  CorpusStats,
  DocumentToStore,
  RetrievalOptions,
  Store,
  UpsertOutcome,
} from "./interfaces/store.js";
export {
  Check,
  CheckId,
  CheckVersion,
  CheckVersionStatus,
  Feedback,
  SettingsFingerprint,
  StageTiming,
  TokenUse,
} from "./schema/check.js";
export { Claim, InputKind } from "./schema/claim.js";
export { Document, DocumentInput, IsoDate, Passage } from "./schema/document.js";
export { PlannedQuery, QueryIntent, QueryPlan } from "./schema/query-plan.js";
export { Report, ReportParagraph } from "./schema/report.js";
export { SearchHit } from "./schema/search-hit.js";
export { Source, SourceProfile } from "./schema/source.js";
export { SourceAssessment, Stance } from "./schema/source-assessment.js";
export {
  ClaimVerdictLabel,
  QuestionVerdictLabel,
  Verdict,
  VerdictLabel,
} from "./schema/verdict.js";
