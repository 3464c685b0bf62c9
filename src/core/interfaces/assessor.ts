// Judges how each source bears on the claim, from the passages selected for it.
import type { Claim } from "../schema/claim.js";
import type { Passage } from "../schema/document.js";
import type { Source } from "../schema/source.js";
import type { SourceAssessment } from "../schema/source-assessment.js";
import type { StageRun } from "./stage-run.js";

export interface AssessInput {
  claim: Claim;
  sources: readonly Source[];
  /** The selected passages, each tagged with its source's number. */
  passages: readonly Passage[];
}

export interface Assessor {
  readonly id: string;
  /** One assessment per source, in source order. */
  assess(input: AssessInput, signal?: AbortSignal, run?: StageRun): Promise<SourceAssessment[]>;
}
