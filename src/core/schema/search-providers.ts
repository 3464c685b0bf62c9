// The names of the web search providers, as configuration spells them (FACTUALLY_SEARCH,
// FACTUALLY_SEARCH_PER_MINUTE): one list for the settings and the provider registry.

/** Every web search provider Factually has (the corpus, `local`, is not one). */
export const WEB_SEARCH_PROVIDERS = [
  "wikipedia",
  "searxng",
  "brave",
  "tavily",
  "serper",
  "exa",
  "google-fact-check",
] as const;
export type WebSearchProviderName = (typeof WEB_SEARCH_PROVIDERS)[number];
