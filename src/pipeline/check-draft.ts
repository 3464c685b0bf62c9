// The check under construction: one value that each step reads and extends (like unified's
// VFile), with the notes it collects on the way. Each step's output type adds what it made.

import type { CheckNote } from "../core/schema/check-note.js";
import type { Claim } from "../core/schema/claim.js";
import type { Passage } from "../core/schema/document.js";
import type { QueryCoverage, QueryPlan } from "../core/schema/query-plan.js";
import type { Report } from "../core/schema/report.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import type { Verdict } from "../core/schema/verdict.js";
import type { ReadDocument } from "./read.js";
import type { FusedHit } from "./search.js";
import type { Selection, SelectOptions } from "./select.js";

export interface CheckLimits extends SelectOptions {
  /** Hits asked of each provider for each query. */
  hitsPerQuery: number;
  /** Fused hits read in full. */
  documentsToRead: number;
}

export interface DraftStart {
  input: string;
  limits: CheckLimits;
  /** Recoverable problems, in the order met. */
  notes: CheckNote[];
}

export interface Understood extends DraftStart {
  claim: Claim;
}

export interface Planned extends Understood {
  plan: QueryPlan;
}

export interface Searched extends Planned {
  /** Every fused hit, before the source policy (the coverage counts them). */
  hits: FusedHit[];
  /** The hits the policy admitted and that will be read: evidence first, then prior checks. */
  toRead: FusedHit[];
  /** Providers that failed on every query (the web unreachable, say), with the first reason. */
  unsearched: Array<{ provider: string; reason: string }>;
}

export interface ReadDraft extends Searched {
  /** Documents read and admitted by the policy, in search order. */
  usable: ReadDocument[];
}

export interface Selected extends ReadDraft {
  selection: Selection;
}

export interface Cited extends Selected {
  /** The weighed sources, numbered first. */
  evidence: Source[];
  /** Evidence, then earlier fact-checks. */
  sources: Source[];
  /** Selected passages, then each prior fact-check's rating. */
  passages: Passage[];
  /** Prior fact-checks as context assessments. */
  priorAssessments: SourceAssessment[];
}

export interface Assessed extends Cited {
  /** The evidence's assessments (what the verdict weighs). */
  assessed: SourceAssessment[];
}

export interface Judged extends Assessed {
  verdict: Verdict;
  foundBy: Map<string, number[]>;
  coverage: QueryCoverage[];
}

export interface Written extends Judged {
  report: Report;
}
