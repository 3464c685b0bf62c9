// A document of the corpus (or a page read from the web) and its passages.
import { z } from "zod";

/** An ISO 8601 date or date-time, as found in metadata. */
export const IsoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

/** A document as it is given to ingest: only `text` is required. */
export const DocumentInput = z.object({
  id: z.string().min(1).max(512).optional(),
  title: z.string().max(2000).optional(),
  text: z.string(),
  url: z.url().optional(),
  publishedAt: IsoDate.optional(),
  publisher: z.string().max(500).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

/** A stored document: ids are stable, the content hash identifies the text. */
export const Document = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
  publisher: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()),
  /** sha256 of title and text, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  ingestedAt: z.iso.datetime(),
});
export type Document = z.infer<typeof Document>;

/** The part of a structured abstract a sentence belongs to ("BACKGROUND …", "RESULTS …"). */
export const PassageSection = z.enum([
  "background",
  "objective",
  "methods",
  "results",
  "conclusions",
  "funding",
  "other",
]);
export type PassageSection = z.infer<typeof PassageSection>;

/** Where a passage's document names the claim's key term (its subject). */
export const SubjectFound = z.enum(["passage", "title", "document", "nowhere"]);
export type SubjectFound = z.infer<typeof SubjectFound>;

/** A span of a document (about a paragraph) with its character offsets in `Document.text`. */
export const Passage = z.object({
  /** Citation number of the source it belongs to, once it is part of a check (0 in the corpus). */
  sourceN: z.number().int().nonnegative(),
  documentId: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number(),
  /** Its part of a structured abstract, when its document labels them (set by select). */
  section: PassageSection.optional(),
  /** Where its document names what the claim is about (set by select for a check). */
  subjectFound: SubjectFound.optional(),
});
export type Passage = z.infer<typeof Passage>;
