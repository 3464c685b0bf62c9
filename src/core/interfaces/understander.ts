// Turns the user's text into a Claim: kind, normalised text, key terms, entities, sub-claims.
import type { Claim } from "../schema/claim.js";
import type { StageRun } from "./stage-run.js";

export interface Understander {
  /** Recorded in the version's settings, e.g. `rules@1`. */
  readonly id: string;
  /** The claim; throws FactuallyError(BAD_INPUT) for input that cannot be checked. */
  understand(text: string, signal?: AbortSignal, run?: StageRun): Promise<Claim>;
}
