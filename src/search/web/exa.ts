// Exa's search API (key: EXA_API_KEY).
// Request and answer: https://exa.ai/docs/reference/search (and the exa-js specification at
// https://exa.ai/docs/sdks/typescript-sdk-specification) — POST /search with a JSON body
// {query, numResults, contents: {text: {maxCharacters}}} and the x-api-key header; the answer
// is {requestId, resolvedSearchType, results[] {id, title, url, publishedDate, author, score,
// text}}, where title, publishedDate and author may be null.
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
  url: z.string().min(1),
  title: z.string().nullish(),
  publishedDate: z.string().nullish(),
  score: z.number().nullish(),
  text: z.string().nullish(),
});

// Exa documents numResults up to 100.
const MAX_RESULTS = 100;
// Enough page text for a snippet; the page itself is read later.
const TEXT_CHARS = 1000;

export interface ExaSearchOptions {
  apiKey: string | undefined;
  /** Default https://api.exa.ai. */
  baseUrl?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/** Exa's embedding-based search; the snippet is the start of the page text Exa extracted. */
export class ExaSearchProvider implements SearchProvider {
  readonly id = "exa";
  readonly #key: string;
  readonly #base: string;
  readonly #http: ProviderHttp;

  constructor(options: ExaSearchOptions) {
    const { key, base, http } = keyedProvider(this.id, options, {
      keyVariable: "EXA_API_KEY",
      defaultBaseUrl: "https://api.exa.ai",
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
      body: {
        query,
        numResults: Math.min(options.limit, MAX_RESULTS),
        contents: { text: { maxCharacters: TEXT_CHARS } },
      },
      signal: options.signal,
    });
    const results = validItems(Result, parseAnswer(this.id, Answer, data).results).map(
      (result) => ({
        title: result.title ?? "",
        url: result.url,
        snippet: result.text ?? "",
        score: result.score ?? undefined,
        publishedAt: publishedDate(result.publishedDate),
      }),
    );
    return toSearchHits(this.id, query, results, options.limit);
  }
}
