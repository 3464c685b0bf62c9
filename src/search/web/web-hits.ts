// Turns one provider's results, in its order, into the SearchHits every stage reads.
import type { PriorFactCheck, SearchHit } from "../../core/schema/search-hit.js";
import { plainText } from "./snippet-text.js";

/** One result as a provider gave it; text may still hold markup. */
export interface WebResult {
  title: string;
  url: string;
  snippet: string;
  /** The provider's own relevance score, when it gives one. */
  score?: number | undefined;
  /** Already an ISO date (see publishedDate). */
  publishedAt?: string | undefined;
  publisher?: string | undefined;
  factCheck?: PriorFactCheck | undefined;
}

/**
 * Hits ranked from 1 in the provider's order, at most `limit`: text made plain, score the
 * provider's or 1/rank. A result whose address is not http(s) is dropped — a hit must be
 * something the reader can fetch.
 */
export function toSearchHits(
  providerId: string,
  query: string,
  results: readonly WebResult[],
  limit: number,
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const result of results) {
    if (hits.length >= limit) break;
    if (!isWebUrl(result.url)) continue;
    const rank = hits.length + 1;
    const publisher = result.publisher === undefined ? "" : plainText(result.publisher);
    hits.push({
      providerId,
      query,
      rank,
      score: result.score !== undefined && Number.isFinite(result.score) ? result.score : 1 / rank,
      title: plainText(result.title) || result.url,
      url: result.url,
      snippet: plainText(result.snippet),
      ...(result.publishedAt ? { publishedAt: result.publishedAt } : {}),
      ...(publisher ? { publisher } : {}),
      ...(result.factCheck ? { factCheck: result.factCheck } : {}),
    });
  }
  return hits;
}

/** Whether a search asks for nothing: no words, or no hits wanted. */
export function isEmptySearch(query: string, limit: number): boolean {
  return query.trim() === "" || !(limit >= 1);
}

/** The host of `url` without `www.`, or undefined when it is not a URL. */
export function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
