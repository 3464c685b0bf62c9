// How a check's evidence divides by stance, counted once: the verdict's rationale, the
// summary's opening sentence, the check page's bar and the JSON all state these numbers.
import { z } from "zod";

/** One stance's share of the evidence. */
export const StanceCount = z.object({
  /** Sources with this stance. */
  sources: z.number().int().nonnegative(),
  /** Independent voices among them: sources of one owner or domain count once. */
  voices: z.number().int().nonnegative(),
  /** Their citation numbers, ascending. */
  cites: z.array(z.number().int().positive()),
});
export type StanceCount = z.infer<typeof StanceCount>;

export const EvidenceBalance = z.object({
  supports: StanceCount,
  refutes: StanceCount,
  mixed: StanceCount,
  context: StanceCount,
  irrelevant: StanceCount,
  /**
   * Sources that bear on the input (every stance but irrelevant) and their independent voices.
   * Earlier fact-checks and retracted sources are in no count: listed, never weighed.
   */
  total: z.object({
    sources: z.number().int().nonnegative(),
    voices: z.number().int().nonnegative(),
  }),
  /** Retracted sources, by citation number: cited and listed, given no weight. */
  retracted: z.array(z.number().int().positive()),
  /**
   * How the judge's weight divided between support and contradiction (shares 0..1 that add up
   * to 1; a mixed source counts half to each side). Absent when nothing took a side with any
   * weight, and for versions made before it was recorded.
   */
  weight: z
    .object({ supports: z.number().min(0).max(1), refutes: z.number().min(0).max(1) })
    .optional(),
});
export type EvidenceBalance = z.infer<typeof EvidenceBalance>;
