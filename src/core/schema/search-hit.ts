// One result of one search provider for one query.
import { z } from "zod";

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
});
export type SearchHit = z.infer<typeof SearchHit>;
