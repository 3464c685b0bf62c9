// The contract of the safe page fetcher: its options, what it returns, and the fetcher itself.
import type { LookupFunction } from "node:net";

/** How a safe fetcher identifies itself and what it refuses. */
export interface SafeFetchOptions {
  /** Sent on every request, pages and robots.txt alike, e.g. "Factually/0.1 (+https://…)". */
  userAgent: string;
  /** Body cap in bytes, enforced while streaming; default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed at most; default 5. */
  maxRedirects?: number;
  /** Time for the whole fetch, robots.txt and redirects included; default 15000 ms. */
  timeoutMs?: number;
  /** Media types accepted ("text/*" allowed); default HTML, XHTML, plain text and PDF. */
  allowedTypes?: readonly string[];
  /** Obey robots.txt (RFC 9309); default true. See robots.ts for the status policy. */
  respectRobots?: boolean;
  /** How long an origin's robots.txt rules are reused; default 1 h. */
  robotsTtlMs?: number;
  /** Origins whose robots.txt is remembered at most; default 1000. */
  robotsCacheSize?: number;
  /** TEST-ONLY: also allow 127.0.0.0/8 and ::1, and nothing else that is not public. */
  allowLoopback?: boolean;
  /** DNS override for tests (a name resolving to 10.0.0.5, or to several addresses). */
  lookup?: LookupFunction;
  /** Clock for the robots.txt cache; tests only. */
  now?: () => number;
}

/** A fetched page or document. */
export interface FetchedResource {
  /** The URL asked for. */
  url: string;
  /** The URL of the final response, after redirects. */
  finalUrl: string;
  /** 200-299, or 304 when a conditional request found the caller's copy current. */
  status: number;
  /** Each URL a redirect led to, in order; the last equals `finalUrl`. */
  redirects: string[];
  /** Lower-case media type without parameters; "" on a 304 that did not send one. */
  contentType: string;
  /** The encoding the text was decoded with (canonical name, e.g. "windows-1252"). */
  charset?: string;
  /** Raw bytes (after Content-Encoding is undone); empty on 304. */
  body: Uint8Array;
  /** The decoded text, for text types (HTML, XHTML, plain text). */
  text?: string;
  etag?: string;
  lastModified?: string;
  /** When the response arrived (ISO 8601). */
  fetchedAt: string;
}

/** Per-request options of {@link SafeFetcher.fetch}. */
export interface SafeFetchInit {
  /** Cancels the fetch (→ ABORTED). */
  signal?: AbortSignal;
  /** An ETag from an earlier fetch: a 304 then comes back as status 304. */
  ifNoneMatch?: string;
  /** A Last-Modified value from an earlier fetch, for the same purpose. */
  ifModifiedSince?: string;
}

/** Fetches untrusted URLs safely; one instance holds a connection pool and a robots.txt cache. */
export interface SafeFetcher {
  /** The resource at `url`; throws FactuallyError BLOCKED_URL, PROVIDER_FAILED, TIMEOUT or ABORTED. */
  fetch(url: string, init?: SafeFetchInit): Promise<FetchedResource>;
  /** Cancels fetches in flight and closes the connection pool. */
  close(): Promise<void>;
}
