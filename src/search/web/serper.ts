// Google results through Serper (key: SERPER_API_KEY).
// Serper documents its API by example in its playground (https://serper.dev/playground) rather
// than in a reference page: POST https://google.serper.dev/search with a JSON body {q, num} and
// the X-API-KEY header; the answer is {searchParameters, organic[] {title, link, snippet, date
// (as Google shows it: "Mar 4, 2024" or "3 days ago"), position, sitelinks}, peopleAlsoAsk,
// relatedSearches, credits}.
import { z } from "zod";
import type { SearchOptions, SearchProvider } from "../../core/interfaces/search-provider.js";
import type { SearchHit } from "../../core/schema/search-hit.js";
import type { ProviderHttp, ProviderHttpOptions } from "./provider-http.js";
import { keyedProvider } from "./provider-settings.js";
import { publishedDate } from "./published-date.js";
import { parseAnswer, validItems } from "./response-schema.js";
import { isEmptySearch, toSearchHits } from "./web-hits.js";

const Answer = z.object({ organic: z.array(z.unknown()).optional() });
const Organic = z.object({
  title: z.string(),
  link: z.string().min(1),
  snippet: z.string().nullish(),
  date: z.string().nullish(),
  position: z.number().nullish(),
});

// Google gives at most 100 results a page.
const MAX_NUM = 100;

export interface SerperSearchOptions {
  apiKey: string | undefined;
  /** Default https://google.serper.dev. */
  baseUrl?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/** Google's organic results; Serper gives no score, so hits are scored by rank. */
export class SerperSearchProvider implements SearchProvider {
  readonly id = "serper";
  readonly #key: string;
  readonly #base: string;
  readonly #http: ProviderHttp;

  constructor(options: SerperSearchOptions) {
    const { key, base, http } = keyedProvider(this.id, options, {
      keyVariable: "SERPER_API_KEY",
      defaultBaseUrl: "https://google.serper.dev",
    });
    this.#key = key;
    this.#base = base;
    this.#http = http;
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (isEmptySearch(query, options.limit)) return [];
    const data = await this.#http.requestJson({
      method: "POST",
      url: `${this.#base}/search`,
      headers: { "x-api-key": this.#key },
      body: { q: query, num: Math.min(options.limit, MAX_NUM) },
      signal: options.signal,
    });
    const organic = validItems(Organic, parseAnswer(this.id, Answer, data).organic);
    // Serper lists by position already; sorting keeps that true if it ever does not.
    organic.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
    const results = organic.map((result) => ({
      title: result.title,
      url: result.link,
      snippet: result.snippet ?? "",
      publishedAt: publishedDate(result.date),
    }));
    return toSearchHits(this.id, query, results, options.limit);
  }
}
