// The overall judgement: a label for claims, documentation coverage for questions.
import { z } from "zod";
import { EvidenceBalance } from "./evidence-balance.js";

export const ClaimVerdictLabel = z.enum([
  "supported",
  "mostly-supported",
  "mixed",
  "misleading",
  "refuted",
  "unverified",
]);
export type ClaimVerdictLabel = z.infer<typeof ClaimVerdictLabel>;
export const QuestionVerdictLabel = z.enum(["documented", "partly-documented", "undocumented"]);
export const VerdictLabel = z.union([ClaimVerdictLabel, QuestionVerdictLabel]);
export type VerdictLabel = z.infer<typeof VerdictLabel>;

/** The verdict of the statement a yes/no question asks about ("Do masks work?" → "Masks work."). */
export const StatementVerdict = z.object({
  text: z.string(),
  label: ClaimVerdictLabel,
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
});
export type StatementVerdict = z.infer<typeof StatementVerdict>;

export const Verdict = z.object({
  label: VerdictLabel,
  /**
   * How often a verdict reached the same way — the same side, about the same weight of evidence
   * — was right on the benchmark claims the judge was tuned on (0..1); not how likely the claim
   * is to be true. For `unverified` it is how often such claims were indeed unsettled by their
   * evidence; renderers show no percentage for `unverified` and `undocumented`.
   */
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  /** The counts per stance the rationale and the summary state (absent in older versions). */
  balance: EvidenceBalance.optional(),
  /** For a yes/no question: the verdict of the statement it asks about. */
  statement: StatementVerdict.optional(),
});
export type Verdict = z.infer<typeof Verdict>;
