// A selected document as the check's numbered, profiled Source.
import type { Document } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import { type CredibilityNotes, credibilityNoteFor } from "../sources/credibility-notes.js";
import { retractionOf } from "../sources/retraction.js";
import { independenceGroupOf, profileOf } from "./profile.js";
import type { SelectedSource } from "./select.js";

export interface SourceOfOptions {
  /** The publisher notes (loadCredibilityNotes); without them no source gets a note. */
  credibilityNotes?: CredibilityNotes | undefined;
}

/**
 * The `Document.metadata` keys copied onto the Source: `modifiedAt` (ISO date or date-time the
 * page says it last changed), `language` (BCP 47 tag of the text). `retracted` (true, or the
 * notice's words) and Crossref's `updated-by` / `update-to` relations are read by
 * `retractionOf`, which also reads the title and the ends of the text. What the reader knows
 * (the snapshot read from, an earlier fact-check) comes typed on the ReadResult instead.
 */
export const SOURCE_METADATA_KEYS = ["modifiedAt", "language"] as const;

/** The Source for a selected document: number, identity, profile, group, no credibility note. */
export function sourceOf(selected: SelectedSource): Source {
  return toSource(selected, {});
}

/** `sourceOf` with options, for `selection.sources.map(createSourceOf({ credibilityNotes }))`. */
export function createSourceOf(options: SourceOfOptions): (selected: SelectedSource) => Source {
  return (selected) => toSource(selected, options);
}

function toSource({ read, n }: SelectedSource, options: SourceOfOptions): Source {
  const doc = read.document;
  const note = options.credibilityNotes
    ? credibilityNoteFor(doc.url, options.credibilityNotes)
    : undefined;
  const { modifiedAt, language } = metadataFields(doc);
  // A page read from the web names the snapshot it was read from; an earlier fact-check by
  // another publisher carries its rating (both set by the reader).
  const { snapshotId, priorFactCheck: factCheck } = read;
  const retracted = retractionOf(doc);
  return {
    n,
    ...(doc.url ? { url: doc.url } : {}),
    documentId: doc.id,
    title: doc.title || doc.url || doc.id,
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    ...(modifiedAt ? { modifiedAt } : {}),
    ...(language ? { language } : {}),
    // A corpus document was "fetched" when it was ingested (a web page when it was read).
    fetchedAt: doc.ingestedAt,
    contentHash: doc.contentHash,
    profile: profileOf(doc),
    independenceGroup: independenceGroupOf(doc),
    ...(snapshotId ? { snapshotId } : {}),
    ...(note ? { credibilityNote: note } : {}),
    ...(retracted ? { retracted } : {}),
    ...(factCheck ? { factCheck } : {}),
    status: "ok",
  };
}

/** The metadata fields a Source carries, each only when well-formed. */
function metadataFields(doc: Document): { modifiedAt?: string; language?: string } {
  const { modifiedAt, language } = doc.metadata;
  return {
    ...(typeof modifiedAt === "string" && /^\d{4}-\d{2}-\d{2}/.test(modifiedAt)
      ? { modifiedAt }
      : {}),
    ...(typeof language === "string" && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language)
      ? { language }
      : {}),
  };
}
