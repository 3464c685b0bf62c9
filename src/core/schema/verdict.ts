// The overall judgement: a label for claims, documentation coverage for questions.
import { z } from "zod";

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
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
});
export type Verdict = z.infer<typeof Verdict>;
