// One result of one search provider for one query.
import { z } from "zod";

/** An earlier fact-check of the claim by another publisher (Google Fact Check Tools, ClaimReview). */
export const PriorFactCheck = z.object({
  /** Who published the fact-check, e.g. "PolitiFact". */
  publisher: z.string().min(1),
  /** Its site, when given, e.g. "politifact.com". */
  publisherSite: z.string().optional(),
  /** Their own textual rating, as they wrote it ("False", "Mostly true", "Misleading"). */
  rating: z.string(),
  /** When they published it (ISO date or date-time). */
  reviewedAt: z.string().optional(),
  /** The article's address. */
  url: z.string(),
  /** The claim as they reviewed it, and who made it. */
  claimReviewed: z.string().optional(),
  claimant: z.string().optional(),
  language: z.string().optional(),
});
export type PriorFactCheck = z.infer<typeof PriorFactCheck>;

export const SearchHit = z.object({
  providerId: z.string(),
  query: z.string(),
  /** 1-based rank within the provider's answer. */
  rank: z.number().int().positive(),
  score: z.number(),
  title: z.string(),
  /** Corpus document id, for the local provider. */
  documentId: z.string().optional(),
  url: z.string().optional(),
  snippet: z.string(),
  publishedAt: z.string().optional(),
  publisher: z.string().optional(),
  /** Set when the hit is an earlier fact-check of the claim rather than evidence. */
  factCheck: PriorFactCheck.optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;
