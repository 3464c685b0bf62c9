// The progress a running check reports: the CLI draws it, the API streams it as SSE.
import type { CheckVersion } from "./check.js";
import type { PlannedQuery } from "./query-plan.js";
import type { ReportSectionName } from "./report.js";
import type { SearchHit } from "./search-hit.js";
import type { Source } from "./source.js";

export const STAGES = [
  "understand",
  "plan",
  "search",
  "read",
  "select",
  "assess",
  "judge",
  "write",
  "verify",
] as const;
export type StageName = (typeof STAGES)[number];

/** Named noun-verb, as docs/service-api.md#server-sent-events lists them. */
export type CheckEvent =
  | { type: "stage-started"; stage: StageName }
  | { type: "stage-done"; stage: StageName; ms: number }
  | { type: "query-planned"; query: PlannedQuery }
  | { type: "hit-found"; hit: SearchHit }
  | { type: "source-read"; source: Source }
  | { type: "section-written"; section: ReportSectionName }
  | { type: "check-failed"; stage: StageName | undefined; code: string; message: string }
  | { type: "check-done"; version: CheckVersion };
