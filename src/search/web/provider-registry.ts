// Builds the web search providers a configuration names, each with its key or address.
import { FactuallyError } from "../../core/errors.js";
import type { PacerFactory } from "../../core/interfaces/request-pacer.js";
import type { SearchProvider } from "../../core/interfaces/search-provider.js";
import {
  WEB_SEARCH_PROVIDERS,
  type WebSearchProviderName,
} from "../../core/schema/search-providers.js";
import { BraveSearchProvider } from "./brave.js";
import { ExaSearchProvider } from "./exa.js";
import { GoogleFactCheckProvider } from "./google-fact-check.js";
import type { ProviderHttpOptions } from "./provider-http.js";
import { SearxngSearchProvider } from "./searxng.js";
import { SerperSearchProvider } from "./serper.js";
import { TavilySearchProvider } from "./tavily.js";
import { WikipediaSearchProvider } from "./wikipedia.js";

export {
  WEB_SEARCH_PROVIDERS,
  type WebSearchProviderName,
} from "../../core/schema/search-providers.js";

/** The built-in corpus provider; the caller builds it from its store. */
const LOCAL = "local";

/** What the web providers need from configuration; keys are secrets and never printed. */
export interface WebSearchSettings {
  /** FACTUALLY_SEARXNG_URL */
  searxngUrl?: string | undefined;
  /** BRAVE_API_KEY */
  braveApiKey?: string | undefined;
  /** TAVILY_API_KEY */
  tavilyApiKey?: string | undefined;
  /** SERPER_API_KEY */
  serperApiKey?: string | undefined;
  /** EXA_API_KEY */
  exaApiKey?: string | undefined;
  /** GOOGLE_FACT_CHECK_API_KEY */
  googleFactCheckApiKey?: string | undefined;
  /** Default "en". */
  wikipediaLanguage?: string | undefined;
  /** Sent to every provider; Wikimedia requires one naming the install and a contact. */
  userAgent: string;
  /** HTTP behaviour of every provider… */
  http?: ProviderHttpOptions | undefined;
  /** …and per provider, over `http` (e.g. `{ brave: { minIntervalMs: 1000 } }` on Brave's free plan). */
  httpByProvider?: Partial<Record<WebSearchProviderName, ProviderHttpOptions>> | undefined;
  /** Where each quota's pace is kept (default: this process). */
  pacers?: PacerFactory | undefined;
  /** TEST-ONLY: where each provider's API is (loopback servers). */
  baseUrls?: Partial<Record<WebSearchProviderName, string>> | undefined;
}

/**
 * One provider per web name, in the order given, duplicates once. `local` is skipped: it is built
 * in and the caller builds it from its store. An unknown name, or a provider without its key or
 * address, is BAD_CONFIG naming what to set.
 */
export function createSearchProviders(
  names: readonly string[],
  settings: WebSearchSettings,
): SearchProvider[] {
  const wanted = [...new Set(names.map((name) => name.trim().toLowerCase()))].filter(
    (name) => name !== LOCAL,
  );
  for (const name of wanted) {
    if (!isWebProviderName(name)) {
      throw new FactuallyError(
        "BAD_CONFIG",
        `unknown search provider "${name}"; known: ${[LOCAL, ...WEB_SEARCH_PROVIDERS].join(", ")}`,
        { target: "FACTUALLY_SEARCH" },
      );
    }
  }
  return wanted.filter(isWebProviderName).map((name) => createProvider(name, settings));
}

function createProvider(name: WebSearchProviderName, settings: WebSearchSettings): SearchProvider {
  const http = {
    ...(settings.pacers ? { pacers: settings.pacers } : {}),
    ...settings.http,
    ...settings.httpByProvider?.[name],
  };
  const baseUrl = settings.baseUrls?.[name];
  const common = { userAgent: settings.userAgent, http, ...(baseUrl ? { baseUrl } : {}) };
  switch (name) {
    case "wikipedia":
      return new WikipediaSearchProvider({
        ...common,
        ...(settings.wikipediaLanguage ? { language: settings.wikipediaLanguage } : {}),
      });
    case "searxng":
      return new SearxngSearchProvider({ ...common, baseUrl: baseUrl ?? settings.searxngUrl });
    case "brave":
      return new BraveSearchProvider({ ...common, apiKey: settings.braveApiKey });
    case "tavily":
      return new TavilySearchProvider({ ...common, apiKey: settings.tavilyApiKey });
    case "serper":
      return new SerperSearchProvider({ ...common, apiKey: settings.serperApiKey });
    case "exa":
      return new ExaSearchProvider({ ...common, apiKey: settings.exaApiKey });
    case "google-fact-check":
      return new GoogleFactCheckProvider({ ...common, apiKey: settings.googleFactCheckApiKey });
  }
}

function isWebProviderName(name: string): name is WebSearchProviderName {
  return (WEB_SEARCH_PROVIDERS as readonly string[]).includes(name);
}
