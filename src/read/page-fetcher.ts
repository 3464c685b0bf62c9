// What the web reader needs from a fetcher: one guarded HTTP GET, conditional when asked.
// `createSafeFetcher` (src/web/fetch) is the real one; its result has this shape.

export interface FetchedPage {
  /** Where the page was read after redirects. */
  finalUrl: string;
  /** 200, or 304 when a conditional request found the page unchanged. */
  status: number;
  /** Mime type, lower-case, without parameters. */
  contentType: string;
  /** Raw bytes (empty on 304). */
  body: Uint8Array;
  /** Decoded text of a text type (HTML, XHTML, plain text). */
  text?: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: string;
}

export interface PageFetcher {
  fetch(
    url: string,
    init?: { signal?: AbortSignal; ifNoneMatch?: string; ifModifiedSince?: string },
  ): Promise<FetchedPage>;
}
