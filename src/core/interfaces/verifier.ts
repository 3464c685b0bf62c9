// Checks every sentence of a report against what it rests on, and keeps only what holds.
import type { Claim } from "../schema/claim.js";
import type { Passage } from "../schema/document.js";
import type { Report } from "../schema/report.js";
import type { Source } from "../schema/source.js";
import type { StageRun } from "./stage-run.js";

export interface VerifyInput {
  claim: Claim;
  report: Report;
  passages: readonly Passage[];
  /** The numbered sources the passages come from (their titles help read a quote). */
  sources?: readonly Source[];
}

export interface Verifier {
  readonly id: string;
  /** The report with `support` on every sentence and paragraph, and its `verification` tally. */
  verify(input: VerifyInput, signal?: AbortSignal, run?: StageRun): Promise<Report>;
}
