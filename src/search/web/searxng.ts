// A self-hosted SearXNG metasearch instance through its JSON API (no key).
// Request: https://docs.searxng.org/dev/search_api.html — GET /search?q=…&format=json with
// optional language and categories. The instance must list `json` in `search.formats` of its
// settings.yml: a format it does not serve is answered with 403 Forbidden. The answer is
// results[] {url, title, content, publishedDate, engine, engines, score, parsed_url, category}.
import { z } from "zod";
import type { SearchOptions, SearchProvider } from "../../core/interfaces/search-provider.js";
import type { SearchHit } from "../../core/schema/search-hit.js";
import {
  createProviderHttp,
  type ProviderHttp,
  type ProviderHttpOptions,
} from "./provider-http.js";
import { requireBaseUrl } from "./provider-settings.js";
import { publishedDate } from "./published-date.js";
import { parseAnswer, validItems } from "./response-schema.js";
import { isEmptySearch, siteOf, toSearchHits } from "./web-hits.js";

const Answer = z.object({ results: z.array(z.unknown()) });
const Result = z.object({
  url: z.string().min(1),
  title: z.string(),
  content: z.string().nullish(),
  publishedDate: z.string().nullish(),
  score: z.number().nullish(),
});

export interface SearxngSearchOptions {
  /** The instance, e.g. http://localhost:8888 (FACTUALLY_SEARXNG_URL); required. */
  baseUrl: string | undefined;
  /** A language code the instance knows, e.g. "en" (default: the instance's own). */
  language?: string;
  /** Default "general". */
  categories?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/** Searches through your SearXNG instance; SearXNG pages results itself, `limit` trims them. */
export class SearxngSearchProvider implements SearchProvider {
  readonly id = "searxng";
  readonly #base: string;
  readonly #language: string | undefined;
  readonly #categories: string;
  readonly #http: ProviderHttp;

  constructor(options: SearxngSearchOptions) {
    this.#base = requireBaseUrl(this.id, options.baseUrl, "FACTUALLY_SEARXNG_URL");
    this.#language = options.language;
    this.#categories = options.categories ?? "general";
    this.#http = createProviderHttp(
      {
        provider: this.id,
        quota: this.#base,
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
        advice: {
          403: "the instance does not serve JSON: add json to search.formats in its settings.yml (FACTUALLY_SEARXNG_URL points at it)",
        },
      },
      options.http,
    );
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (isEmptySearch(query, options.limit)) return [];
    const data = await this.#http.requestJson({
      method: "GET",
      url: `${this.#base}/search`,
      query: { q: query, format: "json", categories: this.#categories, language: this.#language },
      signal: options.signal,
    });
    const results = validItems(Result, parseAnswer(this.id, Answer, data).results).map(
      (result) => ({
        title: result.title,
        url: result.url,
        snippet: result.content ?? "",
        score: result.score ?? undefined,
        publishedAt: publishedDate(result.publishedDate),
        // SearXNG names no site; its parsed_url carries the same host as the address.
        publisher: siteOf(result.url),
      }),
    );
    return toSearchHits(this.id, query, results, options.limit);
  }
}
