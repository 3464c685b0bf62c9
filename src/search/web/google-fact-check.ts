// Earlier fact-checks of a claim from the Google Fact Check Tools API (key:
// GOOGLE_FACT_CHECK_API_KEY).
// Request and answer: https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search
// — GET /v1alpha1/claims:search?query&languageCode&pageSize&key; the answer is {claims[] {text,
// claimant, claimDate, claimReview[] {publisher {name, site}, url, title, reviewDate,
// textualRating, languageCode}}, nextPageToken}. Each review (ClaimReview markup) is one hit.
import { z } from "zod";
import type { SearchOptions, SearchProvider } from "../../core/interfaces/search-provider.js";
import type { SearchHit } from "../../core/schema/search-hit.js";
import type { ProviderHttp, ProviderHttpOptions } from "./provider-http.js";
import { keyedProvider } from "./provider-settings.js";
import { publishedDate } from "./published-date.js";
import { parseAnswer, validItems } from "./response-schema.js";
import { plainText } from "./snippet-text.js";
import { isEmptySearch, siteOf, toSearchHits, type WebResult } from "./web-hits.js";

const Answer = z.object({ claims: z.array(z.unknown()).optional() });
const Claim = z.object({
  text: z.string().nullish(),
  claimant: z.string().nullish(),
  claimDate: z.string().nullish(),
  claimReview: z.array(z.unknown()).nullish(),
});
const Review = z.object({
  url: z.string().min(1),
  publisher: z.object({ name: z.string().nullish(), site: z.string().nullish() }).nullish(),
  title: z.string().nullish(),
  reviewDate: z.string().nullish(),
  textualRating: z.string().nullish(),
  languageCode: z.string().nullish(),
});
type Claim = z.infer<typeof Claim>;
type Review = z.infer<typeof Review>;

const KEY_VARIABLE = "GOOGLE_FACT_CHECK_API_KEY";

export interface GoogleFactCheckOptions {
  apiKey: string | undefined;
  /** Default https://factchecktools.googleapis.com. */
  baseUrl?: string;
  /** BCP-47 code restricting the reviews' language, e.g. "en" (default: all). */
  languageCode?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/** Fact-checks already published about the claim; every hit carries `factCheck`. */
export class GoogleFactCheckProvider implements SearchProvider {
  readonly id = "google-fact-check";
  readonly #key: string;
  readonly #base: string;
  readonly #languageCode: string | undefined;
  readonly #http: ProviderHttp;

  constructor(options: GoogleFactCheckOptions) {
    const { key, base, http } = keyedProvider(this.id, options, {
      keyVariable: KEY_VARIABLE,
      defaultBaseUrl: "https://factchecktools.googleapis.com",
      // Google answers a bad key with 400 INVALID_ARGUMENT ("API key not valid").
      advice: {
        400: `the request was rejected; if the message says the key is not valid, check ${KEY_VARIABLE}`,
        403: `check ${KEY_VARIABLE} and that the Fact Check Tools API is enabled for its Google Cloud project`,
      },
    });
    this.#key = key;
    this.#base = base;
    this.#http = http;
    this.#languageCode = options.languageCode;
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (isEmptySearch(query, options.limit)) return [];
    const data = await this.#http.requestJson({
      method: "GET",
      url: `${this.#base}/v1alpha1/claims:search`,
      query: {
        query,
        languageCode: this.#languageCode,
        // Claims, not reviews: a claim usually has one review, sometimes several.
        pageSize: options.limit,
        key: this.#key,
      },
      signal: options.signal,
    });
    const results = validItems(Claim, parseAnswer(this.id, Answer, data).claims).flatMap((claim) =>
      validItems(Review, claim.claimReview ?? undefined).map((review) =>
        reviewResult(claim, review),
      ),
    );
    return toSearchHits(this.id, query, results, options.limit);
  }
}

/** One review of a claim as a hit that is an earlier fact-check rather than evidence. */
function reviewResult(claim: Claim, review: Review): WebResult {
  const publisher =
    plainText(review.publisher?.name ?? "") ||
    review.publisher?.site ||
    siteOf(review.url) ||
    "unknown publisher";
  const rating = plainText(review.textualRating ?? "");
  const claimText = plainText(claim.text ?? "");
  const claimant = plainText(claim.claimant ?? "");
  const reviewedAt = publishedDate(review.reviewDate);
  const said = claimText ? `"${claimText}"` : "a claim";
  return {
    title: review.title || `${publisher}: ${rating || "reviewed"}`,
    url: review.url,
    snippet: `${claimant ? `${claimant}: ` : ""}${said} — rated "${rating || "no rating"}" by ${publisher}`,
    publishedAt: reviewedAt,
    publisher,
    factCheck: {
      publisher,
      ...(review.publisher?.site ? { publisherSite: review.publisher.site } : {}),
      rating,
      ...(reviewedAt ? { reviewedAt } : {}),
      url: review.url,
      ...(claimText ? { claimReviewed: claimText } : {}),
      ...(claimant ? { claimant } : {}),
      ...(review.languageCode ? { language: review.languageCode } : {}),
    },
  };
}
