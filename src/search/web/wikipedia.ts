// Wikipedia through the MediaWiki search API: no key, the online default.
// Request and answer: https://www.mediawiki.org/wiki/API:Search — GET /w/api.php?action=query
// &list=search&srsearch&srlimit&srprop=snippet|timestamp&format=json&formatversion=2; the answer
// is query.search[] {ns, title, pageid, snippet, timestamp}, or {error: {code, info}} with HTTP
// 200. Wikimedia's User-Agent policy (https://meta.wikimedia.org/wiki/User-Agent_policy) asks
// every client for a User-Agent naming the tool and a contact.
import { z } from "zod";
import { FactuallyError } from "../../core/errors.js";
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
import { isEmptySearch, toSearchHits } from "./web-hits.js";

const Answer = z.object({
  error: z.object({ code: z.string(), info: z.string().optional() }).optional(),
  query: z.object({ search: z.array(z.unknown()) }).optional(),
});
const Page = z.object({
  title: z.string().min(1),
  snippet: z.string().optional(),
  timestamp: z.string().optional(),
});

// srlimit's documented maximum for ordinary clients.
const MAX_LIMIT = 500;

export interface WikipediaSearchOptions {
  /** Which Wikipedia, e.g. "en", "de" (default "en"). */
  language?: string;
  /** Names this install and a contact (Wikimedia's policy); required. */
  userAgent: string;
  /** Default `https://{language}.wikipedia.org`; also the base of the article addresses. */
  baseUrl?: string;
  http?: ProviderHttpOptions;
}

/** Full-text search of one language's Wikipedia; each hit is an article. */
export class WikipediaSearchProvider implements SearchProvider {
  readonly id = "wikipedia";
  readonly #base: string;
  readonly #http: ProviderHttp;

  constructor(options: WikipediaSearchOptions) {
    const language = options.language ?? "en";
    // The language becomes part of a host name: nothing but a language code may get there.
    if (!/^[a-z][a-z0-9-]{1,15}$/.test(language)) {
      throw new FactuallyError(
        "BAD_CONFIG",
        `wikipedia: "${language}" is not a Wikipedia language code such as en or de; check FACTUALLY_WIKIPEDIA_LANGUAGE`,
      );
    }
    if (!options.userAgent.trim()) {
      throw new FactuallyError(
        "BAD_CONFIG",
        "wikipedia: Wikimedia requires a User-Agent naming this install and a contact; set FACTUALLY_USER_AGENT",
      );
    }
    this.#base = requireBaseUrl(
      this.id,
      options.baseUrl ?? `https://${language}.wikipedia.org`,
      "baseUrl",
    );
    this.#http = createProviderHttp(
      // One pace per wiki: each language's API counts its own requests.
      { provider: this.id, userAgent: options.userAgent, quota: this.#base },
      options.http,
    );
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (isEmptySearch(query, options.limit)) return [];
    const data = await this.#http.requestJson({
      method: "GET",
      url: `${this.#base}/w/api.php`,
      query: {
        action: "query",
        list: "search",
        srsearch: query,
        srlimit: Math.min(options.limit, MAX_LIMIT),
        srprop: "snippet|timestamp",
        format: "json",
        formatversion: 2,
        utf8: 1,
      },
      signal: options.signal,
    });
    const answer = parseAnswer(this.id, Answer, data);
    if (answer.error) {
      throw new FactuallyError(
        "PROVIDER_FAILED",
        `wikipedia: the API refused the search (${answer.error.code}: ${answer.error.info ?? "no details"}); check the query and the language`,
      );
    }
    const results = validItems(Page, answer.query?.search).map((page) => ({
      title: page.title,
      url: articleUrl(this.#base, page.title),
      snippet: page.snippet ?? "",
      // The time of the last edit: the revision the reader will fetch.
      publishedAt: publishedDate(page.timestamp),
      publisher: "Wikipedia",
    }));
    return toSearchHits(this.id, query, results, options.limit);
  }
}

/** The article's address as MediaWiki writes it: spaces as `_`, `:/(),` and the like unescaped. */
function articleUrl(base: string, title: string): string {
  const path = encodeURIComponent(title.replaceAll(" ", "_")).replace(
    /%(3B|3A|40|24|21|2A|28|29|2C|2F|7E)/gi,
    (escaped) => decodeURIComponent(escaped),
  );
  return `${base}/wiki/${path}`;
}
