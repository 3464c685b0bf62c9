// The written report: three sections of cited paragraphs, and questions to go further.
import { z } from "zod";

/** One paragraph; `cites` are source numbers, `support` is set by the verify stage (0..1). */
export const ReportParagraph = z.object({
  text: z.string().min(1),
  cites: z.array(z.number().int().positive()),
  support: z.number().min(0).max(1).optional(),
});
export type ReportParagraph = z.infer<typeof ReportParagraph>;

export const Report = z.object({
  summary: z.array(ReportParagraph),
  missingContext: z.array(ReportParagraph),
  bias: z.array(ReportParagraph),
  relatedQuestions: z.array(z.string().min(1)).length(5),
  disclaimer: z.string(),
});
export type Report = z.infer<typeof Report>;
