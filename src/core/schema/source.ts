// A source actually read and kept for a check, numbered for citation.
import { z } from "zod";
import { PriorFactCheck } from "./search-hit.js";

export const SourceProfile = z.enum([
  "official",
  "press-release",
  "news",
  "academic",
  "reference",
  "blog",
  "social",
  "unknown",
]);
export type SourceProfile = z.infer<typeof SourceProfile>;

export const Source = z.object({
  /** Citation number, [1]..[n]. */
  n: z.number().int().positive(),
  url: z.string().optional(),
  documentId: z.string().optional(),
  title: z.string(),
  publisher: z.string().optional(),
  publishedAt: z.string().optional(),
  fetchedAt: z.iso.datetime(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  profile: SourceProfile,
  /** Sources of one owner or domain share a group and count as one independent voice. */
  independenceGroup: z.string(),
  /** The stored web snapshot the citation was read from (a fetched page), by id. */
  snapshotId: z.string().optional(),
  /** When the page says it was last changed. */
  modifiedAt: z.string().optional(),
  /** Language of the source text (BCP 47), when known. */
  language: z.string().optional(),
  /** A note about the publisher from the credibility table, when it has one. */
  credibilityNote: z.string().optional(),
  /**
   * Set when the source says it has been retracted or withdrawn (its title, metadata or a notice
   * in its text), with what showed it: listed and cited, never weighed in the verdict.
   */
  retracted: z.object({ evidence: z.string() }).optional(),
  /** Set when the source is an earlier fact-check of the claim by another publisher. */
  factCheck: PriorFactCheck.optional(),
  status: z.enum(["ok", "failed", "skipped"]).default("ok"),
  statusReason: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
