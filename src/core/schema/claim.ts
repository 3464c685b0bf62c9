// What the understand stage makes of the user's input.
import { z } from "zod";

export const InputKind = z.enum(["claim", "question"]);
export type InputKind = z.infer<typeof InputKind>;

export const Claim = z.object({
  kind: InputKind,
  /** The input as typed. */
  text: z.string().min(1),
  /** Whitespace and punctuation normalised, used for ids and matching. */
  normalized: z.string().min(1),
  keyTerms: z.array(z.string()),
  entities: z.array(z.string()),
  /** Parts of a compound claim, each checkable on its own; empty for a simple claim. */
  subClaims: z.array(z.string()),
  /**
   * For a yes/no question, the statement it asks about ("Do masks work?" → "Masks work."):
   * sources are weighed against it and the question also gets that statement's verdict.
   */
  statement: z.string().min(1).optional(),
  /** BCP 47 language tag of the input. */
  language: z.string().default("en"),
});
export type Claim = z.infer<typeof Claim>;
