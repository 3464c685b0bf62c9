// Brave Search's web search API (key: BRAVE_API_KEY).
// Request and answer: Brave's API documentation (api-dashboard.search.brave.com, "Web search",
// as reproduced in brave/brave-search-skills web-search.md) — GET /res/v1/web/search?q&count
// (1–20) with the X-Subscription-Token header; results in web.results[] {title, url, description
// (with <strong> highlights), age, page_age (ISO), profile {name}, meta_url {hostname}}.
import { z } from "zod";
import type { SearchOptions, SearchProvider } from "../../core/interfaces/search-provider.js";
import type { SearchHit } from "../../core/schema/search-hit.js";
import type { ProviderHttp, ProviderHttpOptions } from "./provider-http.js";
import { keyedProvider } from "./provider-settings.js";
import { publishedDate } from "./published-date.js";
import { parseAnswer, validItems } from "./response-schema.js";
import { isEmptySearch, toSearchHits } from "./web-hits.js";

const Answer = z.object({ web: z.object({ results: z.array(z.unknown()) }).optional() });
const Result = z.object({
  title: z.string(),
  url: z.string().min(1),
  description: z.string().nullish(),
  age: z.string().nullish(),
  page_age: z.string().nullish(),
  profile: z.object({ name: z.string().nullish() }).nullish(),
  meta_url: z.object({ hostname: z.string().nullish() }).nullish(),
});

// `count` is documented as 1–20.
const MAX_COUNT = 20;

export interface BraveSearchOptions {
  apiKey: string | undefined;
  /** Default https://api.search.brave.com. */
  baseUrl?: string;
  /** search_lang, e.g. "en" (default: Brave's). */
  language?: string;
  /** country, e.g. "US" or "ALL" (default: Brave's). */
  country?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/**
 * Brave's own web index. The free plan allows one request a second:
 * FACTUALLY_SEARCH_PER_MINUTE=brave=60.
 */
export class BraveSearchProvider implements SearchProvider {
  readonly id = "brave";
  readonly #key: string;
  readonly #base: string;
  readonly #options: BraveSearchOptions;
  readonly #http: ProviderHttp;

  constructor(options: BraveSearchOptions) {
    const { key, base, http } = keyedProvider(this.id, options, {
      keyVariable: "BRAVE_API_KEY",
      defaultBaseUrl: "https://api.search.brave.com",
    });
    this.#key = key;
    this.#base = base;
    this.#http = http;
    this.#options = options;
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (isEmptySearch(query, options.limit)) return [];
    const data = await this.#http.requestJson({
      method: "GET",
      url: `${this.#base}/res/v1/web/search`,
      query: {
        q: query,
        count: Math.min(options.limit, MAX_COUNT),
        search_lang: this.#options.language,
        country: this.#options.country,
      },
      headers: { "x-subscription-token": this.#key },
      signal: options.signal,
    });
    const results = validItems(Result, parseAnswer(this.id, Answer, data).web?.results).map(
      (result) => ({
        title: result.title,
        url: result.url,
        snippet: result.description ?? "",
        // page_age is ISO; age is usually relative ("2 days ago") but sometimes a date.
        publishedAt: publishedDate(result.page_age) ?? publishedDate(result.age),
        publisher: result.profile?.name || result.meta_url?.hostname || undefined,
      }),
    );
    return toSearchHits(this.id, query, results, options.limit);
  }
}
