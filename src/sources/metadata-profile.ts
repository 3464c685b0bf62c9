// What a document's own metadata says about its kind: an explicit profile, scholarly citation
// tags, the schema.org type of its JSON-LD, its Open Graph type.
import { SourceProfile } from "../core/schema/source.js";

/**
 * The `document.metadata` keys read here (a reader or an ingested file may set them):
 * - `profile`: a SourceProfile, which wins over everything else;
 * - `doi` / `citation_doi`, `journal` / `citation_journal_title`, `pmid` / `pubmed_id`: a
 *   scholarly work (Highwire `citation_*` meta tags, PubMed ids in BEIR corpora) → academic;
 * - `jsonLdType` (string or string[]): the schema.org `@type` of the page's main node;
 * - `ogType` / `og:type`: the Open Graph type (only the old `blog` type is telling).
 */
export const PROFILE_METADATA_KEYS = {
  explicit: ["profile"],
  scholarly: ["doi", "citation_doi", "journal", "citation_journal_title", "pmid", "pubmed_id"],
  jsonLdType: ["jsonLdType"],
  ogType: ["ogType", "og:type"],
} as const;

// schema.org types (https://schema.org/Article and its subtypes) that name a kind of source.
const JSON_LD_PROFILES: ReadonlyMap<string, SourceProfile> = new Map([
  ["socialmediaposting", "social"],
  ["discussionforumposting", "social"],
  ["blogposting", "blog"],
  ["blog", "blog"],
  ["scholarlyarticle", "academic"],
  ["medicalscholarlyarticle", "academic"],
  ["thesis", "academic"],
  ["newsarticle", "news"],
  ["reportagenewsarticle", "news"],
  ["analysisnewsarticle", "news"],
  ["backgroundnewsarticle", "news"],
  ["opinionnewsarticle", "news"],
  ["reviewnewsarticle", "news"],
  ["askpublicnewsarticle", "news"],
  ["liveblogposting", "news"],
]);
// When a page declares several types, the narrowest kind wins.
const PRECEDENCE: readonly SourceProfile[] = ["social", "blog", "academic", "news"];

/** The profile `metadata.profile` states, when it is a valid one. */
export function explicitProfile(
  metadata: Readonly<Record<string, unknown>>,
): SourceProfile | undefined {
  const parsed = SourceProfile.safeParse(metadata.profile);
  return parsed.success ? parsed.data : undefined;
}

/** The profile the metadata's scholarly tags or page types imply, if any. */
export function profileFromMetadata(
  metadata: Readonly<Record<string, unknown>>,
): SourceProfile | undefined {
  const present = (keys: readonly string[]) =>
    keys.some((key) => {
      const value = metadata[key];
      return (typeof value === "string" && value.trim() !== "") || typeof value === "number";
    });
  if (present(PROFILE_METADATA_KEYS.scholarly)) return "academic";
  const types = PROFILE_METADATA_KEYS.jsonLdType
    .flatMap((key) => strings(metadata[key]))
    .map((type) =>
      JSON_LD_PROFILES.get(type.replace(/^https?:\/\/schema\.org\//i, "").toLowerCase()),
    )
    .filter((profile) => profile !== undefined);
  const fromJsonLd = PRECEDENCE.find((profile) => types.includes(profile));
  if (fromJsonLd) return fromJsonLd;
  const ogTypes = PROFILE_METADATA_KEYS.ogType.flatMap((key) => strings(metadata[key]));
  if (ogTypes.some((type) => type.trim().toLowerCase() === "blog")) return "blog";
  return undefined;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}
