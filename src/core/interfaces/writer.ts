// Writes the three-part report from the evidence the earlier stages gathered.
import type { Claim } from "../schema/claim.js";
import type { Passage } from "../schema/document.js";
import type { QueryPlan } from "../schema/query-plan.js";
import type { Report, ReportSectionName } from "../schema/report.js";
import type { Source } from "../schema/source.js";
import type { SourceAssessment } from "../schema/source-assessment.js";
import type { Verdict } from "../schema/verdict.js";
import type { StageRun } from "./stage-run.js";

export interface WriteInput {
  claim: Claim;
  plan: QueryPlan;
  sources: readonly Source[];
  passages: readonly Passage[];
  assessments: readonly SourceAssessment[];
  verdict: Verdict;
  /** For each planned query, the source numbers it found among the kept sources. */
  foundBy: ReadonlyMap<string, readonly number[]>;
}

/** Told as each section is done, so progress can show it (each section at most once). */
export type SectionWritten = (section: ReportSectionName) => void;

export interface Writer {
  readonly id: string;
  /** A report whose `sources`-based sentences cite at least one source each. */
  write(
    input: WriteInput,
    signal?: AbortSignal,
    run?: StageRun,
    onSection?: SectionWritten,
  ): Promise<Report>;
}
