// The Reader for web hits: a page is fetched through the guarded fetcher, its main text and
// metadata extracted (HTML, PDF, plain text), and kept as a snapshot; a page read before is
// re-validated with its ETag / Last-Modified and, when unchanged, read from the snapshot. An
// earlier fact-check (a hit carrying `factCheck`) becomes a document of its own rating.
import { FactuallyError, isFactuallyError, messageOf } from "../core/errors.js";
import type { Reader, ReadOptions, ReadResult } from "../core/interfaces/reader.js";
import type { SnapshotStore, WebSnapshot } from "../core/interfaces/snapshot-store.js";
import type { Document } from "../core/schema/document.js";
import type { PriorFactCheck, SearchHit } from "../core/schema/search-hit.js";
import { contentHash } from "../text/hash.js";
import { normalizeIsoDate } from "../text/iso-date.js";
import { extractHtml } from "./extract-html.js";
import { extractPdf } from "./extract-pdf.js";
import type { FetchedPage, PageFetcher } from "./page-fetcher.js";

export class WebReader implements Reader {
  readonly id = "web";
  readonly #snapshots: SnapshotStore;
  readonly #fetcher: PageFetcher;

  constructor(snapshots: SnapshotStore, fetcher: PageFetcher) {
    this.#snapshots = snapshots;
    this.#fetcher = fetcher;
  }

  canRead(hit: SearchHit): boolean {
    if (hit.documentId !== undefined) return false;
    return hit.factCheck !== undefined || /^https?:\/\//i.test(hit.url ?? "");
  }

  async read(hit: SearchHit, options: ReadOptions = {}): Promise<ReadResult> {
    if (hit.factCheck) {
      return { document: factCheckDocument(hit.factCheck), priorFactCheck: hit.factCheck };
    }
    const url = cacheKey(hit.url ?? "");
    const cached = await this.#snapshots.latestSnapshot(url);
    let page: FetchedPage;
    try {
      page = await this.#fetcher.fetch(hit.url ?? url, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(cached?.etag ? { ifNoneMatch: cached.etag } : {}),
        ...(cached?.lastModified ? { ifModifiedSince: cached.lastModified } : {}),
      });
    } catch (error) {
      // A page read before that cannot be read now is still evidence of what it said then —
      // unless the address is refused now (policy, robots, SSRF), which is not a fault.
      const refused = isFactuallyError(error) && ["BLOCKED_URL", "ABORTED"].includes(error.code);
      if (cached && !refused && !options.signal?.aborted) {
        const why = messageOf(error);
        return readOf(cached, `read from its snapshot of ${cached.fetchedAt.slice(0, 10)}: ${why}`);
      }
      throw error;
    }
    if (page.status === 304 && cached) {
      await this.#snapshots.markValidated(cached.id, page.fetchedAt, validators(page));
      return readOf({ ...cached, validatedAt: page.fetchedAt });
    }
    const extracted = await extractPage(page, hit);
    if (!extracted.text.trim()) {
      throw new FactuallyError("PARSE_FAILED", `${page.finalUrl} has no readable text`, {
        target: page.finalUrl,
      });
    }
    const snapshot = await this.#snapshots.saveSnapshot({
      url,
      finalUrl: page.finalUrl,
      fetchedAt: page.fetchedAt,
      validatedAt: page.fetchedAt,
      contentType: page.contentType,
      ...validators(page),
      contentHash: contentHash(extracted.title, extracted.text),
      title: extracted.title,
      text: extracted.text,
      ...(extracted.publishedAt ? { publishedAt: extracted.publishedAt } : {}),
      ...(extracted.publisher ? { publisher: extracted.publisher } : {}),
      metadata: extracted.metadata,
    });
    return readOf(snapshot);
  }
}

/** A fetched page's main text and what it says about itself. */
export interface Extracted {
  title: string;
  text: string;
  publishedAt?: string;
  publisher?: string | undefined;
  metadata: Record<string, unknown>;
}

/** The readable text and metadata of a fetched HTML page, PDF or text file. */
export async function extractPage(
  page: FetchedPage,
  hit: Pick<SearchHit, "title" | "publisher" | "publishedAt">,
): Promise<Extracted> {
  if (page.contentType === "application/pdf") {
    const pdf = await extractPdf(page.body);
    return {
      title: pdf.title || hit.title,
      text: pdf.text,
      ...(pdf.publishedAt ? { publishedAt: pdf.publishedAt } : {}),
      publisher: hit.publisher ?? hostOf(page.finalUrl),
      metadata: { pages: pdf.pages, ...(pdf.author ? { author: pdf.author } : {}) },
    };
  }
  const text = page.text ?? new TextDecoder().decode(page.body);
  if (page.contentType === "text/plain") {
    return {
      title: hit.title,
      text: text.trim(),
      ...(hit.publishedAt ? { publishedAt: hit.publishedAt } : {}),
      publisher: hit.publisher ?? hostOf(page.finalUrl),
      metadata: {},
    };
  }
  const extracted = extractHtml(text, { url: page.finalUrl });
  if (!extracted) return { title: hit.title, text: "", metadata: {} };
  const { title, text: body, siteName, byline, publishedAt, ...rest } = extracted;
  const published = publishedAt ?? hit.publishedAt;
  return {
    title: title || hit.title,
    text: body,
    ...(published ? { publishedAt: published } : {}),
    publisher: siteName || hit.publisher || hostOf(page.finalUrl),
    metadata: {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(siteName ? { siteName } : {}),
      ...(byline ? { author: byline } : {}),
    },
  };
}

/** What was read from a snapshot: its document (the snapshot's id is the document's), its id. */
function readOf(snapshot: WebSnapshot, note?: string): ReadResult {
  return { document: documentOf(snapshot), snapshotId: snapshot.id, ...(note ? { note } : {}) };
}

/** The pipeline's Document for a snapshot. */
function documentOf(snapshot: WebSnapshot): Document {
  return {
    id: snapshot.id,
    title: snapshot.title,
    text: snapshot.text,
    url: snapshot.finalUrl,
    ...(snapshot.publishedAt ? { publishedAt: snapshot.publishedAt } : {}),
    ...(snapshot.publisher ? { publisher: snapshot.publisher } : {}),
    metadata: {
      ...snapshot.metadata,
      fetchedAt: snapshot.fetchedAt,
      validatedAt: snapshot.validatedAt,
      contentType: snapshot.contentType,
    },
    contentHash: snapshot.contentHash,
    ingestedAt: snapshot.fetchedAt,
  };
}

/** An earlier fact-check as a document: its rating is its content; nothing is fetched. */
function factCheckDocument(fc: PriorFactCheck): Document {
  const when = fc.reviewedAt ? normalizeIsoDate(fc.reviewedAt) : undefined;
  const claim = fc.claimReviewed ? ` "${fc.claimReviewed}"` : "";
  const by = fc.claimant ? ` by ${fc.claimant}` : "";
  const text = `${fc.publisher} rated the claim${claim}${by} as "${fc.rating}"${when ? ` on ${when.slice(0, 10)}` : ""}.`;
  const title = `${fc.publisher}: "${fc.rating}"`;
  return {
    id: `factcheck-${contentHash(fc.url).slice(0, 16)}`,
    title,
    text,
    url: fc.url,
    ...(when ? { publishedAt: when } : {}),
    publisher: fc.publisher,
    metadata: {},
    contentHash: contentHash(title, text),
    ingestedAt: new Date().toISOString(),
  };
}

function validators(page: FetchedPage): { etag?: string; lastModified?: string } {
  return {
    ...(page.etag ? { etag: page.etag } : {}),
    ...(page.lastModified ? { lastModified: page.lastModified } : {}),
  };
}

/** The snapshot key of an address: without its fragment. */
function cacheKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = "";
    return u.toString();
  } catch {
    return url;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}
