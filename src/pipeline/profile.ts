// What kind of publisher a source is, and which sources speak with one voice (the rules and
// their data live in src/sources).
import type { Document } from "../core/schema/document.js";
import type { SourceProfile } from "../core/schema/source.js";
import { independenceGroup } from "../sources/ownership.js";
import { sourceProfileOf } from "../sources/source-profile.js";

/**
 * The profile from `metadata.profile` when valid, else the shipped domain lists and newsroom
 * paths (src/sources/tables/domains.json), else scholarly tags and page types in the metadata
 * (`doi`, `citation_doi`, `journal`, `jsonLdType`, `ogType`…), else "unknown".
 */
export function profileOf(document: Document): SourceProfile {
  return sourceProfileOf(document);
}

/**
 * Sources with one owner count as one voice: `org:<name>` for domains or publishers of one
 * organisation (src/sources/tables/ownership.json), else the publisher, else the registrable part
 * of the host (bbc.co.uk, not co.uk), else the document itself.
 */
export function independenceGroupOf(document: Document): string {
  return independenceGroup(document);
}
