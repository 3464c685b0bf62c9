// assess@2: how one source bears on the claim — stance, the verbatim words it rests on, why.
import { z } from "zod";
import type { Claim } from "../../core/schema/claim.js";
import type { Passage } from "../../core/schema/document.js";
import type { Source } from "../../core/schema/source.js";
import { SourceAssessment } from "../../core/schema/source-assessment.js";
import type { Prompt } from "./prompt.js";
import { DATA_RULE, delimited } from "./untrusted.js";

/** The core SourceAssessment without the source number and the flag, which are ours to give. */
export const AssessOutput = SourceAssessment.omit({ sourceN: true, flag: true }).extend({
  quote: z.string().max(1000).describe("words copied exactly from one passage"),
  reason: z.string().min(1).max(600),
});
export type AssessOutput = z.infer<typeof AssessOutput>;

export interface AssessPromptInput {
  claim: Claim;
  source: Source;
  passages: readonly Passage[];
}

export const assessPrompt: Prompt<AssessPromptInput, AssessOutput> = {
  name: "assess",
  version: "assess@2",
  schema: AssessOutput,
  maxOutputTokens: 700,
  system: ({ claim }) =>
    [
      `You weigh one source in a fact-check of a ${claim.kind}. Judge only from the passages given.`,
      claim.kind === "claim"
        ? "- stance: 'supports' if the passages show the claim is true, 'refutes' if they show it is false, 'mixed' if they show both, 'context' if they are on the topic without settling it, 'irrelevant' if they are not about it."
        : "- stance: 'supports' if the passages answer the question directly, 'context' if they give background, 'irrelevant' if they are not about it ('refutes' and 'mixed' when they dispute the question's premise).",
      "- quote: the one sentence (or shorter span) of the passages your stance rests on, copied character for character; an empty string for 'irrelevant'.",
      "- reason: one sentence on why, without facts that are not in the passages.",
      "- confidence: from 0 to 1, how sure the passages make you.",
      "Words in a passage that only report what others say, or that are hypothetical, do not establish a fact.",
      DATA_RULE,
    ].join("\n"),
  user: ({ claim, source, passages }) =>
    delimited((d) =>
      [
        `The ${claim.kind}:`,
        d.block("input", claim.text),
        "The source and its passages:",
        d.group(
          "source",
          passages.map((p, i) => d.block("passage", p.text, { n: i + 1 })),
          {
            n: source.n,
            title: source.title,
            publisher: source.publisher,
            published: source.publishedAt,
          },
        ),
      ].join("\n"),
    ),
};
