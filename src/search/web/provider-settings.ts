// Checks a web provider makes on its settings when it is built, so a bad key or address fails at
// start-up with the variable to fix rather than on the first search.
import { FactuallyError } from "../../core/errors.js";
import {
  createProviderHttp,
  type ProviderHttp,
  type ProviderHttpConfig,
  type ProviderHttpOptions,
} from "./provider-http.js";

/** The key, or BAD_CONFIG naming the environment variable that should hold it. */
export function requireKey(provider: string, apiKey: string | undefined, variable: string): string {
  const key = apiKey?.trim();
  if (!key) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `search provider ${provider} needs an API key: set ${variable}, or remove ${provider} from FACTUALLY_SEARCH`,
      { target: variable },
    );
  }
  return key;
}

/** An http(s) base address without trailing slashes, or BAD_CONFIG naming `variable`. */
export function requireBaseUrl(
  provider: string,
  baseUrl: string | undefined,
  variable: string,
): string {
  const trimmed = baseUrl?.trim().replace(/\/+$/, "");
  let protocol = "";
  try {
    protocol = trimmed ? new URL(trimmed).protocol : "";
  } catch {
    // reported below
  }
  if (!trimmed || (protocol !== "http:" && protocol !== "https:")) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `search provider ${provider} needs an http(s) address in ${variable}${trimmed ? `, not "${trimmed}"` : ""}`,
      { target: variable },
    );
  }
  return trimmed;
}

/** What every keyed provider is built from. */
export interface KeyedProviderOptions {
  apiKey: string | undefined;
  baseUrl?: string;
  userAgent?: string;
  http?: ProviderHttpOptions;
}

/**
 * The key and base address of a keyed provider, checked, and its HTTP client — which knows the
 * key is a secret and which variable to name on a 401/403 (`advice` adds status-specific text).
 */
export function keyedProvider(
  provider: string,
  options: KeyedProviderOptions,
  setup: { keyVariable: string; defaultBaseUrl: string; advice?: ProviderHttpConfig["advice"] },
): { key: string; base: string; http: ProviderHttp } {
  const key = requireKey(provider, options.apiKey, setup.keyVariable);
  const base = requireBaseUrl(provider, options.baseUrl ?? setup.defaultBaseUrl, "baseUrl");
  const http = createProviderHttp(
    {
      provider,
      keyVariable: setup.keyVariable,
      secrets: [key],
      quota: key,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(setup.advice ? { advice: setup.advice } : {}),
    },
    options.http,
  );
  return { key, base, http };
}
