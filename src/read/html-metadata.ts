// Reads a page's metadata from meta tags, JSON-LD, <time>, <link rel=canonical> and <html lang>.

import { normalizeIsoDate } from "../text/iso-date.js";
import type { HtmlDocument } from "./html-dom.js";
import { jsonLdArticle } from "./json-ld.js";

/** What a page says about itself; every field is absent when the page does not say it. */
export interface PageMetadata {
  title?: string;
  siteName?: string;
  byline?: string;
  /** ISO 8601 date or date-time with offset. */
  publishedAt?: string;
  modifiedAt?: string;
  language?: string;
  canonicalUrl?: string;
  /** The JSON-LD article's schema.org types (NewsArticle, BlogPosting, ScholarlyArticle…). */
  jsonLdType?: string[];
  /** `og:type` (article, blog, website…). */
  ogType?: string;
  /** A scholarly article's DOI and journal (Highwire `citation_*` tags). */
  doi?: string;
  journal?: string;
}

// Meta names in the order they are trusted; `citation_*` (Highwire) tags are what Google
// Scholar reads.
const TITLE_KEYS = ["og:title", "twitter:title", "citation_title", "dc.title"];
const SITE_KEYS = ["og:site_name", "application-name", "citation_journal_title"];
const AUTHOR_KEYS = [
  "author",
  "citation_author",
  "dc.creator",
  "article:author",
  "twitter:creator",
];
const PUBLISHED_KEYS = [
  "article:published_time",
  "citation_publication_date",
  "citation_date",
  "citation_online_date",
  "dc.date",
  "dc.date.issued",
  "dcterms.issued",
  "dcterms.date",
  "date",
  "publish_date",
];
const MODIFIED_KEYS = [
  "article:modified_time",
  "og:updated_time",
  "dcterms.modified",
  "dc.date.modified",
];

/** The metadata of `document`; `pageUrl` resolves a relative canonical link. */
export function readPageMetadata(document: HtmlDocument, pageUrl?: string): PageMetadata {
  const meta = metaTags(document);
  const first = (keys: string[]) => keys.map((key) => meta.get(key)).find((value) => value);
  const ld = jsonLdArticle(document);
  const timeElement = document.querySelector("time[datetime]")?.getAttribute("datetime");
  const metadata: PageMetadata = {};
  const title =
    first(TITLE_KEYS) ?? ld.headline ?? clean(document.querySelector("title")?.textContent);
  if (title) metadata.title = title;
  const siteName = first(SITE_KEYS) ?? ld.publisher;
  if (siteName) metadata.siteName = siteName;
  const byline = ld.author ?? first(AUTHOR_KEYS.filter((key) => !isUrl(meta.get(key))));
  if (byline) metadata.byline = byline;
  const publishedAt = firstDate([
    ld.datePublished,
    ...PUBLISHED_KEYS.map((key) => meta.get(key)),
    timeElement,
  ]);
  if (publishedAt) metadata.publishedAt = publishedAt;
  const modifiedAt = firstDate([ld.dateModified, ...MODIFIED_KEYS.map((key) => meta.get(key))]);
  if (modifiedAt) metadata.modifiedAt = modifiedAt;
  const language = pageLanguage(document, meta);
  if (language) metadata.language = language;
  const canonicalUrl = canonical(document, meta, pageUrl);
  if (canonicalUrl) metadata.canonicalUrl = canonicalUrl;
  // What kind of page it says it is: the source profile reads these.
  if (ld.types) metadata.jsonLdType = ld.types;
  const ogType = meta.get("og:type")?.toLowerCase();
  if (ogType) metadata.ogType = ogType;
  const doi = meta.get("citation_doi") ?? meta.get("dc.identifier")?.match(/10\.\d{4,9}\/\S+/)?.[0];
  if (doi) metadata.doi = doi;
  const journal = meta.get("citation_journal_title");
  if (journal) metadata.journal = journal;
  return metadata;
}

/** A date as an ISO 8601 date or date-time, also from `2021/03/15` and RFC 2822 with a zone. */
export function metadataDate(value: string): string | undefined {
  const text = value.trim();
  const iso = normalizeIsoDate(text.replace(/^(\d{4})\/(\d{2})\/(\d{2})/, "$1-$2-$3"));
  if (iso) return iso;
  // Only strings that name their zone: a bare "15 March 2021" would be read in local time.
  if (!/\b(GMT|UTC|Z)\b|[+-]\d{4}\b/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function firstDate(values: (string | undefined | null)[]): string | undefined {
  for (const value of values) {
    const date = value ? metadataDate(value) : undefined;
    if (date) return date;
  }
  return undefined;
}

function metaTags(document: HtmlDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of document.querySelectorAll("meta[content]")) {
    const key = element.getAttribute("property") ?? element.getAttribute("name");
    const content = clean(element.getAttribute("content"));
    const name = key?.trim().toLowerCase();
    if (name && content && !tags.has(name)) tags.set(name, content);
  }
  for (const element of document.querySelectorAll("meta[http-equiv][content]")) {
    const name = element.getAttribute("http-equiv")?.toLowerCase();
    const content = clean(element.getAttribute("content"));
    if (name === "content-language" && content) tags.set("content-language", content);
  }
  return tags;
}

function pageLanguage(document: HtmlDocument, meta: Map<string, string>): string | undefined {
  const declared =
    document.documentElement?.getAttribute("lang") ||
    meta.get("content-language")?.split(",")[0] ||
    meta.get("og:locale");
  const language = declared?.trim().replace("_", "-");
  return language && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language) ? language : undefined;
}

function canonical(
  document: HtmlDocument,
  meta: Map<string, string>,
  pageUrl: string | undefined,
): string | undefined {
  const href =
    document.querySelector('link[rel~="canonical"][href]')?.getAttribute("href") ??
    meta.get("og:url");
  if (!href) return undefined;
  const url = URL.parse(href.trim(), pageUrl);
  return url && (url.protocol === "http:" || url.protocol === "https:") ? url.href : undefined;
}

function isUrl(value: string | undefined): boolean {
  return value !== undefined && /^https?:\/\//i.test(value);
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, " ").trim();
  return text || undefined;
}
