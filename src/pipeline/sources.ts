// A selected document as the check's numbered, profiled Source.
import type { Source } from "../core/schema/source.js";
import { independenceGroupOf, profileOf } from "./profile.js";
import type { SelectedSource } from "./select.js";

/** The Source for a selected document: its number, identity, profile and independence group. */
export function sourceOf({ read, n }: SelectedSource): Source {
  const doc = read.document;
  return {
    n,
    ...(doc.url ? { url: doc.url } : {}),
    documentId: doc.id,
    title: doc.title || doc.url || doc.id,
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    // A corpus document was "fetched" when it was ingested (a web page when it was read).
    fetchedAt: doc.ingestedAt,
    contentHash: doc.contentHash,
    profile: profileOf(doc),
    independenceGroup: independenceGroupOf(doc),
    status: "ok",
  };
}
