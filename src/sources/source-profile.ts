// What kind of publisher a document comes from, by its metadata, host and path.
import type { Document } from "../core/schema/document.js";
import type { SourceProfile } from "../core/schema/source.js";
import { type DomainList, domainListFor, domainLists } from "./domain-lists.js";
import { hostOf } from "./domain-match.js";
import { explicitProfile, profileFromMetadata } from "./metadata-profile.js";

// A Mastodon-compatible post address: /@user/109876543210 or /users/user/statuses/1098….
const FEDIVERSE_POST = /^\/(@[^/]+|users\/[^/]+\/statuses)\/\d{6,}\/?$/;

/**
 * The profile of a document: `metadata.profile` when valid; then the domain lists (most specific
 * match) with a newsroom path turning a site's page into a press release; then the metadata's
 * scholarly tags and page types; else `unknown`.
 */
export function sourceProfileOf(document: Pick<Document, "url" | "metadata">): SourceProfile {
  const explicit = explicitProfile(document.metadata);
  if (explicit) return explicit;
  const host = hostOf(document.url);
  const path = host ? pathSegments(document.url) : [];
  const fromAddress = host ? profileFromAddress(host, path) : undefined;
  return fromAddress ?? profileFromMetadata(document.metadata) ?? "unknown";
}

function profileFromAddress(host: string, path: readonly string[]): SourceProfile | undefined {
  const data = domainLists();
  const list = domainListFor(host);
  if (!list && isFediverse(host, path, data.fediverseHostPrefixes)) return "social";
  const rule = list?.newsroom ?? "strong";
  if (isPressOffice(host, path, rule)) return "press-release";
  return list?.profile;
}

function isPressOffice(
  host: string,
  path: readonly string[],
  rule: DomainList["newsroom"],
): boolean {
  if (rule === "ignore") return false;
  const data = domainLists();
  if (data.notNewsroomPaths.some((p) => containsRun(path, p))) return false;
  if (data.newsroomPaths.some((p) => containsRun(path, p))) return true;
  if (rule !== "any") return false;
  const firstLabel = host.replace(/^www\./, "").split(".")[0] ?? "";
  return (
    data.newsPaths.some((p) => containsRun(path, p)) || data.newsHostLabels.includes(firstLabel)
  );
}

function isFediverse(host: string, path: readonly string[], prefixes: readonly string[]): boolean {
  const firstLabel = host.split(".")[0] ?? "";
  return prefixes.includes(firstLabel) || FEDIVERSE_POST.test(`/${path.join("/")}`);
}

/** The lower-case, decoded segments of a URL's path. */
function pathSegments(url: string | undefined): string[] {
  const pathname = url ? (URL.parse(url)?.pathname ?? "") : "";
  return pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => safeDecode(segment).toLowerCase());
}

/** Whether `segments` contains the run of segments `run` ("media/releases"). */
function containsRun(segments: readonly string[], run: string): boolean {
  const wanted = run.split("/");
  for (let i = 0; i + wanted.length <= segments.length; i++) {
    if (wanted.every((w, j) => segments[i + j] === w)) return true;
  }
  return false;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
