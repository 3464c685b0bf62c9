// A source actually read and kept for a check, numbered for citation.
import { z } from "zod";

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
  status: z.enum(["ok", "failed", "skipped"]).default("ok"),
  statusReason: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
