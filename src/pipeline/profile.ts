// What kind of publisher a source is, and which sources speak with one voice.
import type { Document } from "../core/schema/document.js";
import { SourceProfile } from "../core/schema/source.js";

// Small, documented defaults; the web-sources issue extends them with editable lists.
const SOCIAL =
  /(^|\.)(twitter|x|facebook|instagram|tiktok|reddit|youtube|threads|mastodon\.social|bsky|t\.me|telegram)\.(com|net|app|org|social|me)$/;
const REFERENCE = /(^|\.)(wikipedia\.org|britannica\.com|wiktionary\.org|wikidata\.org)$/;
const ACADEMIC =
  /(^|\.)(doi\.org|arxiv\.org|pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov|nature\.com|science\.org|sciencedirect\.com|springer\.com|wiley\.com|thelancet\.com|nejm\.org|bmj\.com|plos\.org|jamanetwork\.com|medrxiv\.org|biorxiv\.org|semanticscholar\.org)$|\.edu$|\.ac\.[a-z]{2}$/;
const OFFICIAL =
  /\.(gov|mil|int)$|\.gov\.[a-z]{2}$|\.gouv\.fr$|\.gc\.ca$|(^|\.)(europa\.eu|who\.int|un\.org)$/;
const PRESS_WIRE =
  /(^|\.)(prnewswire\.com|businesswire\.com|globenewswire\.com|accesswire\.com|einpresswire\.com)$/;
const BLOG =
  /(^|\.)(medium\.com|substack\.com|blogspot\.com|wordpress\.com|tumblr\.com|ghost\.io)$/;
const NEWS =
  /(^|\.)(reuters\.com|apnews\.com|bbc\.co\.uk|bbc\.com|nytimes\.com|washingtonpost\.com|theguardian\.com|cnn\.com|npr\.org|aljazeera\.com|ft\.com|wsj\.com|bloomberg\.com|lemonde\.fr|spiegel\.de|elpais\.com)$/;
const PRESS_PATH = /\/(news(room)?|press([-_]?releases?)?|media[-_]?releases?|pressroom)\//i;

/** The profile from explicit metadata (`profile`), then the URL, then "unknown". */
export function profileOf(document: Document): SourceProfile {
  const explicit = SourceProfile.safeParse(document.metadata.profile);
  if (explicit.success) return explicit.data;
  const url = parseUrl(document.url);
  if (!url) return "unknown";
  const host = url.hostname.toLowerCase();
  if (PRESS_WIRE.test(host)) return "press-release";
  if (OFFICIAL.test(host)) return PRESS_PATH.test(url.pathname) ? "press-release" : "official";
  if (SOCIAL.test(host)) return "social";
  if (REFERENCE.test(host)) return "reference";
  if (ACADEMIC.test(host)) return "academic";
  if (BLOG.test(host)) return "blog";
  if (PRESS_PATH.test(url.pathname)) return "press-release";
  if (NEWS.test(host)) return "news";
  return "unknown";
}

/**
 * Sources with one owner count as one voice: the publisher when known, else the registrable
 * part of the host, else the document itself (a corpus document is its own voice).
 */
export function independenceGroupOf(document: Document): string {
  if (document.publisher) return `publisher:${document.publisher.trim().toLowerCase()}`;
  const url = parseUrl(document.url);
  if (url) return `site:${registrableHost(url.hostname.toLowerCase())}`;
  return `document:${document.id}`;
}

function registrableHost(host: string): string {
  const parts = host.replace(/^www\./, "").split(".");
  // example.co.uk → example.co.uk; news.example.com → example.com
  const secondLevel = parts.at(-2) ?? "";
  const keep = parts.length > 2 && /^(co|com|gov|ac|org|net|edu)$/.test(secondLevel) ? 3 : 2;
  return parts.slice(-keep).join(".");
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
