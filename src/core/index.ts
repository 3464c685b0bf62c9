// The domain model and the contracts everything else implements.

export type { ErrorCode, ErrorSubject, FactuallyErrorOptions } from "./errors.js";
export { FactuallyError, isFactuallyError, messageOf } from "./errors.js";
export type {
  AccountStore,
  ApiToken,
  Role,
  Session,
  User,
  UserWithPassword,
} from "./interfaces/account-store.js";
export { ROLES } from "./interfaces/account-store.js";
export type { AssessInput, Assessor } from "./interfaces/assessor.js";
export type {
  CheckPage,
  CheckStore,
  CheckSummary,
  FeedbackTally,
  HistoryLooks,
  RunLease,
  StaleCheck,
  StaleQuery,
  StoredCheck,
  VersionSummary,
} from "./interfaces/check-store.js";
export type {
  CorpusSearchOptions,
  CorpusSearchResult,
  CorpusStats,
  CorpusStore,
  DocumentToStore,
  UpsertOutcome,
} from "./interfaces/corpus-store.js";
export type { Planner } from "./interfaces/planner.js";
export type { Reader, ReadOptions, ReadResult } from "./interfaces/reader.js";
export type { PacerFactory, RequestPacer } from "./interfaces/request-pacer.js";
export type { SearchOptions, SearchProvider } from "./interfaces/search-provider.js";
export type { NewSnapshot, SnapshotStore, WebSnapshot } from "./interfaces/snapshot-store.js";
export type { SourcePolicy } from "./interfaces/source-policy.js";
export type { ModelCallRecord, StageRun } from "./interfaces/stage-run.js";
export { detachedStageRun } from "./interfaces/stage-run.js";
export type { ExportedCheck, ExportPage, ImportTally } from "./interfaces/store-export.js";
export { tallyOf } from "./interfaces/store-export.js";
export type { HealthFinding, HealthReport } from "./interfaces/store-health.js";
export { healthReport } from "./interfaces/store-health.js";
export type { Stores } from "./interfaces/stores.js";
export type { Understander } from "./interfaces/understander.js";
export type { Verifier, VerifyInput } from "./interfaces/verifier.js";
export type { SectionWritten, WriteInput, Writer } from "./interfaces/writer.js";
export {
  Check,
  CheckId,
  CheckVersion,
  CheckVersionStatus,
  ClaimOrigin,
  DEFAULT_FRESHNESS_DAYS,
  Feedback,
  SettingsFingerprint,
  StageFallback,
  StageTiming,
  StageUsage,
  TokenUse,
} from "./schema/check.js";
export { type CheckEvent, STAGES, type StageName } from "./schema/check-event.js";
export { CheckNote } from "./schema/check-note.js";
export { Claim, InputKind } from "./schema/claim.js";
export {
  Document,
  DocumentInput,
  IsoDate,
  Passage,
  PassageSection,
  SubjectFound,
} from "./schema/document.js";
export { EvidenceBalance, StanceCount } from "./schema/evidence-balance.js";
export { PlannedQuery, QueryCoverage, QueryIntent, QueryPlan } from "./schema/query-plan.js";
export {
  Report,
  ReportParagraph,
  ReportSectionName,
  ReportSentence,
  ReportVerification,
  SentenceBasis,
  UnsupportedFacts,
} from "./schema/report.js";
export { PriorFactCheck, SearchHit } from "./schema/search-hit.js";
export { Source, SourceProfile } from "./schema/source.js";
export { AssessmentFlag, SourceAssessment, Stance } from "./schema/source-assessment.js";
export {
  ClaimVerdictLabel,
  QuestionVerdictLabel,
  Verdict,
  VerdictLabel,
} from "./schema/verdict.js";
