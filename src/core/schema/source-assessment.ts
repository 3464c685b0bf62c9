// How one source bears on the claim.
import { z } from "zod";

export const Stance = z.enum(["supports", "refutes", "mixed", "context", "irrelevant"]);
export type Stance = z.infer<typeof Stance>;

/**
 * Why a language model's reading of a source was doubted, and what was done (set only by the
 * model-backed assessor): `offline-disagrees` — the offline stance model reads the words the
 * model quoted strongly otherwise, so its confidence was halved; `offline-doubts` — the offline
 * reading of them is only context (or a weak opposite), so its confidence was capped;
 * `instruction-like` — its reason or quote holds instruction-like text, a sign that a source's
 * words steered it, so the offline assessment was kept instead.
 */
export const AssessmentFlag = z.object({
  kind: z.enum(["offline-disagrees", "offline-doubts", "instruction-like"]),
  /** The model's stance and confidence before the flag changed anything. */
  modelStance: Stance,
  modelConfidence: z.number().min(0).max(1),
  /** The offline stance model's reading of the model's quote, when it was read. */
  offlineStance: Stance.optional(),
  offlineConfidence: z.number().min(0).max(1).optional(),
  /** One sentence for the reader. */
  note: z.string(),
});
export type AssessmentFlag = z.infer<typeof AssessmentFlag>;

export const SourceAssessment = z.object({
  sourceN: z.number().int().positive(),
  stance: Stance,
  /** The words of the source the stance rests on, verbatim. */
  quote: z.string(),
  reason: z.string(),
  confidence: z.number().min(0).max(1),
  /** Set when a model's reading of the source was doubted (absent in older versions). */
  flag: AssessmentFlag.optional(),
});
export type SourceAssessment = z.infer<typeof SourceAssessment>;
