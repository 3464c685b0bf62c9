// How one source bears on the claim.
import { z } from "zod";

export const Stance = z.enum(["supports", "refutes", "mixed", "context", "irrelevant"]);
export type Stance = z.infer<typeof Stance>;

export const SourceAssessment = z.object({
  sourceN: z.number().int().positive(),
  stance: Stance,
  /** The words of the source the stance rests on, verbatim. */
  quote: z.string(),
  reason: z.string(),
  confidence: z.number().min(0).max(1),
});
export type SourceAssessment = z.infer<typeof SourceAssessment>;
