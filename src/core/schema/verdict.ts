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
export const QuestionVerdictLabel = z.enum(["documented", "partly-documented", "undocumented"]);
export const VerdictLabel = z.union([ClaimVerdictLabel, QuestionVerdictLabel]);
export type VerdictLabel = z.infer<typeof VerdictLabel>;

export const Verdict = z.object({
  label: VerdictLabel,
  /**
   * How strongly the weighed sources point to the label (0..1), not how likely the claim is to
   * be true. For `unverified` and `undocumented` with nothing decisive it is how sure the judge
   * is that the evidence found does not settle the input; renderers show no percentage then.
   */
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  /** The counts per stance the rationale and the summary state (absent in older versions). */
  balance: EvidenceBalance.optional(),
});
export type Verdict = z.infer<typeof Verdict>;
