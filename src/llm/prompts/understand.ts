// understand@2: what kind of input it is, its key terms, entities, parts and language.
import { z } from "zod";
import { Claim } from "../../core/schema/claim.js";
import type { Prompt } from "./prompt.js";
import { DATA_RULE, delimited } from "./untrusted.js";

/** The parts of the core Claim a model decides; the text and its normalisation stay ours. */
export const UnderstandOutput = Claim.pick({ kind: true }).extend({
  keyTerms: z.array(z.string().min(1).max(80)).max(10),
  entities: z.array(z.string().min(1).max(120)).max(10),
  subClaims: z.array(z.string().min(1).max(500)).max(5),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "an ISO 639-1 code such as en or fr")
    .describe("ISO 639-1 code of the input's language"),
});
export type UnderstandOutput = z.infer<typeof UnderstandOutput>;

export const understandPrompt: Prompt<{ text: string }, UnderstandOutput> = {
  name: "understand",
  version: "understand@2",
  schema: UnderstandOutput,
  maxOutputTokens: 600,
  system: () =>
    [
      "You prepare a fact-check. Read the user's input and describe it.",
      "- kind: 'question' if it asks something, 'claim' if it asserts something.",
      "- keyTerms: the words a search engine needs to find evidence about it, in the input's language.",
      "- entities: people, organisations, places, products, laws or events it names, as written.",
      "- subClaims: if it asserts several independently checkable things, each one as a short sentence; otherwise an empty list.",
      "- language: the ISO 639-1 code of the language it is written in.",
      DATA_RULE,
    ].join("\n"),
  user: ({ text }) => delimited((d) => `The input to describe:\n${d.block("input", text)}`),
};
