// plan@2: balanced searches — neutral, looking for support, looking for criticism — in the
// input's language, and in English too where the topic calls for it.
import { z } from "zod";
import type { Claim } from "../../core/schema/claim.js";
import { PlannedQuery } from "../../core/schema/query-plan.js";
import { languageName } from "../../text/language.js";
import type { Prompt } from "./prompt.js";
import { DATA_RULE, delimited } from "./untrusted.js";

export const PlanOutput = z.object({
  queries: z.array(PlannedQuery).min(3).max(8),
});
export type PlanOutput = z.infer<typeof PlanOutput>;

export const planPrompt: Prompt<{ claim: Claim }, PlanOutput> = {
  name: "plan",
  version: "plan@2",
  schema: PlanOutput,
  maxOutputTokens: 600,
  system: ({ claim }) =>
    [
      `You plan the searches of a fact-check of a ${claim.kind}. Write 3 to 6 short keyword queries for a full-text search engine:`,
      "- at least one 'neutral' query about the topic itself;",
      "- at least one 'supporting' query that would find evidence for it (studies, official data, confirmations);",
      "- at least one 'critical' query that would find evidence against it (corrections, debunks, criticism, limitations).",
      `Write the queries in ${languageName(claim.language)}. If that is not English and the topic is international or scientific, add English queries as well.`,
      "Keep names and numbers as written. No quotes or search operators.",
      DATA_RULE,
    ].join("\n"),
  user: ({ claim }) =>
    delimited((d) =>
      [
        `The ${claim.kind} to plan searches for:`,
        d.block("input", claim.text),
        claim.subClaims.length > 0
          ? `Its parts:\n${claim.subClaims.map((s) => d.block("input", s)).join("\n")}`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    ),
};
