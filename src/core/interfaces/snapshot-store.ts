// Pages read from the web, kept as dated snapshots: what a citation was read from, and what a
// refresh re-validates (with the page's ETag / Last-Modified) instead of fetching again.

import type { ExportPage, ImportTally } from "./store-export.js";

/** One page as it was read at one time; a page whose text changes gets a new snapshot. */
export interface WebSnapshot {
  /** Stable for a URL and its content: `snap-` + 16 hex digits. */
  id: string;
  /** The address the page was asked for (canonicalised): the cache key. */
  url: string;
  /** Where it was read after redirects. */
  finalUrl: string;
  /** When this content was first read. */
  fetchedAt: string;
  /** When the server last confirmed it (a 304, or a 200 with the same content). */
  validatedAt: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
  /** sha256 of the extracted title and text. */
  contentHash: string;
  title: string;
  text: string;
  publishedAt?: string;
  publisher?: string;
  /** What the page said about itself (site, author, dates, language, canonical URL…). */
  metadata: Record<string, unknown>;
}

export type NewSnapshot = Omit<WebSnapshot, "id">;

export interface SnapshotStore {
  /** The newest snapshot of `url`, if it was ever read. */
  latestSnapshot(url: string): Promise<WebSnapshot | undefined>;
  getSnapshot(id: string): Promise<WebSnapshot | undefined>;
  /**
   * Stores a page as read; the same URL with the same content keeps its snapshot (its
   * `validatedAt` and validators are updated) and that snapshot is returned.
   */
  saveSnapshot(snapshot: NewSnapshot): Promise<WebSnapshot>;
  /** The server said the snapshot is still current (HTTP 304). */
  markValidated(
    id: string,
    at: string,
    validators?: { etag?: string; lastModified?: string },
  ): Promise<void>;
  /** Snapshots in id order (byte order). */
  exportSnapshots(page: ExportPage): Promise<WebSnapshot[]>;
  /** Writes exported snapshots as they are, in one transaction; identical ones are left alone. */
  importSnapshots(snapshots: readonly WebSnapshot[]): Promise<ImportTally>;
}
