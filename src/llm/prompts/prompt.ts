// A prompt: instructions with a version that is recorded in every check that used them, the
// schema its answer must fit, and a builder that places the data.
import type { z } from "zod";

export interface Prompt<In, Out> {
  /** The stage or step it serves, e.g. `assess`. */
  name: string;
  /** `assess@1`: bump it whenever the wording or the schema changes. */
  version: string;
  schema: z.ZodType<Out>;
  /** The system prompt for `input` (it may name the output language). */
  system(input: In): string;
  /** The user message: the task's data, delimited. */
  user(input: In): string;
  maxOutputTokens: number;
}
