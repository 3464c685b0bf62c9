// A recoverable problem met while checking (a provider failed, a page was read from its
// snapshot, a stage fell back from the model): which stage, a code to branch on, and the words
// shown to readers.
import { z } from "zod";
import { STAGES } from "./check-event.js";

export const CheckNote = z.object({
  stage: z.enum(STAGES),
  /** Stable kebab-case code, e.g. `provider-failed`, `read-from-snapshot`, `model-fallback`. */
  code: z.string().min(1),
  /** The note as shown in reports (`notes` holds the same words, in the same order). */
  message: z.string(),
});
export type CheckNote = z.infer<typeof CheckNote>;
