// Tavily's search API (key: TAVILY_API_KEY).
// Request and answer: https://docs.tavily.com/documentation/api-reference/endpoint/search (as
// summarised in tavily-ai/skills search.md and mapped by tavily-ai/tavily-js) — POST /search
// with a JSON body {query, max_results (0–20), search_depth} and `Authorization: Bearer <key>`;
// the answer is {query, answer, images, results[] {title, url, content, score, raw_content,
// published_date (news topic only), favicon}, response_time, request_id}.
import { z } from "zod";
import type { SearchOptions, SearchProvider } from "../../core/interfaces/search-provider.js";
import type { SearchHit } from "../../core/schema/search-hit.js";
import type { ProviderHttp, ProviderHttpOptions } from "./provider-http.js";
import { keyedProvider } from "./provider-settings.js";
import { publishedDate } from "./published-date.js";
import { parseAnswer, validItems } from "./response-schema.js";
import { isEmptySearch, toSearchHits } from "./web-hits.js";

const Answer = z.object({ results: z.array(z.unknown()) });
const Result = z.object({
  title: z.string(),
  url: z.string().min(1),
  content: z.string().nullish(),
  score: z.number().nullish(),
  published_date: z.string().nullish(),
});

// max_results is documented as 0–20.
const MAX_RESULTS = 20;

export interface TavilySearchOptions {
  apiKey: string | undefined;
  /** Default https://api.tavily.com. */
  baseUrl?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/** Tavily's basic-depth search (one credit a query); content is an extract of the page. */
export class TavilySearchProvider implements SearchProvider {
  readonly id = "tavily";
  readonly #key: string;
  readonly #base: string;
  readonly #http: ProviderHttp;

  constructor(options: TavilySearchOptions) {
    const { key, base, http } = keyedProvider(this.id, options, {
      keyVariable: "TAVILY_API_KEY",
      defaultBaseUrl: "https://api.tavily.com",
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
      headers: { authorization: `Bearer ${this.#key}` },
      body: { query, max_results: Math.min(options.limit, MAX_RESULTS), search_depth: "basic" },
      signal: options.signal,
    });
    const results = validItems(Result, parseAnswer(this.id, Answer, data).results).map(
      (result) => ({
        title: result.title,
        url: result.url,
        snippet: result.content ?? "",
        score: result.score ?? undefined,
        publishedAt: publishedDate(result.published_date),
      }),
    );
    return toSearchHits(this.id, query, results, options.limit);
  }
}
