// The web search providers, their shared HTTP client, and the URL key that de-duplicates hits.

export { canonicalUrl } from "../../text/canonical-url.js";
export { type BraveSearchOptions, BraveSearchProvider } from "./brave.js";
export { type ExaSearchOptions, ExaSearchProvider } from "./exa.js";
export { type GoogleFactCheckOptions, GoogleFactCheckProvider } from "./google-fact-check.js";
export {
  createProviderHttp,
  type JsonRequest,
  type ProviderHttp,
  type ProviderHttpConfig,
  type ProviderHttpOptions,
} from "./provider-http.js";
export {
  createSearchProviders,
  WEB_SEARCH_PROVIDERS,
  type WebSearchProviderName,
  type WebSearchSettings,
} from "./provider-registry.js";
export { type SearxngSearchOptions, SearxngSearchProvider } from "./searxng.js";
export { type SerperSearchOptions, SerperSearchProvider } from "./serper.js";
export { type TavilySearchOptions, TavilySearchProvider } from "./tavily.js";
export { type WikipediaSearchOptions, WikipediaSearchProvider } from "./wikipedia.js";
