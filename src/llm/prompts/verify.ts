// verify@2: is each sentence of the report stated by the passages it cites?
// rewrite@2: one sentence rewritten to say only what its passages say.
import { z } from "zod";
import type { Passage } from "../../core/schema/document.js";
import { languageName } from "../../text/language.js";
import type { Prompt } from "./prompt.js";
import { DATA_RULE, delimited } from "./untrusted.js";

export const VerifyOutput = z.object({
  judgements: z.array(
    z.object({
      sentence: z.number().int(),
      verdict: z.enum(["supported", "partly", "unsupported"]),
      support: z.number().min(0).max(1).describe("share of the sentence that the evidence states"),
    }),
  ),
});
export type VerifyOutput = z.infer<typeof VerifyOutput>;

export interface SentenceToVerify {
  /** 1-based number within this request. */
  n: number;
  text: string;
  cites: readonly number[];
  passages: readonly Passage[];
}

export const verifyPrompt: Prompt<{ sentences: readonly SentenceToVerify[] }, VerifyOutput> = {
  name: "verify",
  version: "verify@2",
  schema: VerifyOutput,
  maxOutputTokens: 1200,
  system: () =>
    [
      "You check a fact-check report sentence by sentence against the evidence each sentence cites.",
      "For every sentence give: verdict 'supported' if its evidence states everything it says, 'partly' if some of it is not stated, 'unsupported' if the evidence does not state it or says otherwise; and support, the share (0 to 1) of what it says that the evidence states.",
      "Judge only against the evidence given for that sentence, not what you know. Framing such as 'one source states' is fine when the quoted words are in the evidence.",
      DATA_RULE,
    ].join("\n"),
  user: ({ sentences }) =>
    delimited((d) =>
      sentences
        .map((s) =>
          [
            d.block("sentence", s.text, { n: s.n, cites: s.cites.join(" ") }),
            d.group(
              "evidence",
              s.passages.map((p) => d.block("passage", p.text, { source: p.sourceN })),
              { for: s.n },
            ),
          ].join("\n"),
        )
        .join("\n"),
    ),
};

export const RewriteOutput = z.object({
  text: z.string().max(800).describe("the rewritten sentence, or an empty string"),
});
export type RewriteOutput = z.infer<typeof RewriteOutput>;

export const rewritePrompt: Prompt<
  { sentence: SentenceToVerify; language: string },
  RewriteOutput
> = {
  name: "rewrite",
  version: "rewrite@2",
  schema: RewriteOutput,
  maxOutputTokens: 400,
  system: ({ language }) =>
    [
      `A sentence of a fact-check report says more than its evidence does. Rewrite it, in ${languageName(language)}, so that it says only what the evidence states, keeping its point where the evidence allows. If the evidence states nothing of it, answer with an empty text.`,
      "Do not add citation marks; do not use outside knowledge.",
      DATA_RULE,
    ].join("\n"),
  user: ({ sentence }) =>
    delimited((d) =>
      [
        d.block("sentence", sentence.text),
        d.group(
          "evidence",
          sentence.passages.map((p) => d.block("passage", p.text, { source: p.sourceN })),
        ),
      ].join("\n"),
    ),
};
