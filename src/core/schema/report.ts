// The written report: three sections of cited paragraphs, and questions to go further.
import { z } from "zod";

/**
 * What a sentence rests on: the passages of the sources it cites, the record of the searches
 * (what was looked for and not found), or the wording of the input itself.
 */
export const SentenceBasis = z.enum(["sources", "search", "input"]);
export type SentenceBasis = z.infer<typeof SentenceBasis>;

/** One sentence; `support` (0..1) is set by the verify stage against what the basis names. */
export const ReportSentence = z.object({
  text: z.string().min(1),
  cites: z.array(z.number().int().positive()),
  basis: SentenceBasis,
  support: z.number().min(0).max(1).optional(),
});
export type ReportSentence = z.infer<typeof ReportSentence>;

/**
 * One paragraph; `cites` are source numbers, `support` is set by the verify stage (0..1, the
 * lowest of its sentences), `sentences` carry the per-sentence citations and support.
 */
export const ReportParagraph = z.object({
  text: z.string().min(1),
  cites: z.array(z.number().int().positive()),
  support: z.number().min(0).max(1).optional(),
  sentences: z.array(ReportSentence).optional(),
});
export type ReportParagraph = z.infer<typeof ReportParagraph>;

export const ReportSectionName = z.enum(["summary", "missingContext", "bias"]);
export type ReportSectionName = z.infer<typeof ReportSectionName>;

/**
 * A sentence that stated numbers, dates or names the passages it cites do not contain, and what
 * became of it: `dropped`, `trimmed` (its last clauses, which held them, removed) or `rewritten`
 * (by the model, from its passages).
 */
export const UnsupportedFacts = z.object({
  section: ReportSectionName,
  /** The sentence as written. */
  text: z.string(),
  /** The numbers, dates and names not found, as the sentence wrote them. */
  missing: z.array(z.string()).min(1),
  outcome: z.enum(["dropped", "trimmed", "rewritten"]),
});
export type UnsupportedFacts = z.infer<typeof UnsupportedFacts>;

/** How many sentences the verify stage found supported, and what it did with the others. */
export const ReportVerification = z.object({
  verifier: z.string(),
  sentences: z.number().int().nonnegative(),
  supported: z.number().int().nonnegative(),
  /** Sentences below the threshold that were removed from the report. */
  dropped: z.number().int().nonnegative(),
  /** Sentences below the threshold that were kept and flagged (e.g. the only summary line). */
  flagged: z.number().int().nonnegative(),
  threshold: z.number().min(0).max(1),
  /** supported / sentences (1 when there is nothing to check). */
  supportedShare: z.number().min(0).max(1),
  /** Sentences whose numbers, dates or names were not in their passages (absent when none). */
  unsupportedFacts: z.array(UnsupportedFacts).optional(),
});
export type ReportVerification = z.infer<typeof ReportVerification>;

export const Report = z.object({
  summary: z.array(ReportParagraph),
  missingContext: z.array(ReportParagraph),
  bias: z.array(ReportParagraph),
  relatedQuestions: z.array(z.string().min(1)).length(5),
  disclaimer: z.string(),
  /** Which writer made it (e.g. `extractive@1`). */
  writer: z.string().optional(),
  verification: ReportVerification.optional(),
});
export type Report = z.infer<typeof Report>;
