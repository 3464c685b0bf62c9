// The web part of the configuration: which search providers, their keys and addresses, how
// pages are read (User-Agent, size and time caps, robots.txt), and the source policy
// (domains allowed or denied, the editable credibility-note table).
import { z } from "zod";
import { WEB_SEARCH_PROVIDERS } from "../core/schema/search-providers.js";
import { badConfig, type Env, envBoolean, envValue, nonEmpty } from "./env-values.js";
import {
  type SearchRates,
  SearchRatesFile,
  searchRatesFromEnv,
  searchRatesOf,
} from "./search-rates.js";

/** Every search provider Factually has; `local` is the corpus. */
export const SEARCH_PROVIDERS = ["local", ...WEB_SEARCH_PROVIDERS] as const;
export type SearchProviderName = (typeof SEARCH_PROVIDERS)[number];

const HttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
const Domain = z
  .string()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "a domain such as example.org or *.example.org");

/** The `web` object of factually.config.json (keys come from the environment only). */
export const WebConfigFile = z.strictObject({
  search: z.array(z.enum(SEARCH_PROVIDERS)).min(1).optional(),
  searxngUrl: HttpUrl.optional(),
  wikipediaLanguage: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  userAgent: z.string().min(1).max(300).optional(),
  maxBytes: z.number().int().min(10_000).max(100_000_000).optional(),
  fetchTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  robots: z.boolean().optional(),
  allowDomains: z.array(Domain).optional(),
  denyDomains: z.array(Domain).optional(),
  /** A JSON file of `{ "domain": "note" }` merged over the shipped credibility notes. */
  sourceNotes: z.string().min(1).optional(),
  /** Requests a minute each provider's plan allows: one number, or `{ "brave": 60, … }`. */
  perMinute: SearchRatesFile.optional(),
});
export type WebConfigFile = z.infer<typeof WebConfigFile>;

export interface WebConfig {
  /** Providers in the order given; `local` is the corpus. */
  search: SearchProviderName[];
  searxngUrl?: string;
  wikipediaLanguage: string;
  /** API keys by provider (secret: never printed or stored). */
  keys: Partial<Record<"brave" | "tavily" | "serper" | "exa" | "google-fact-check", string>>;
  userAgent: string;
  maxBytes: number;
  fetchTimeoutMs: number;
  robots: boolean;
  allowDomains: string[];
  denyDomains: string[];
  /** Absolute path of the user's credibility-note table, if any. */
  sourceNotes?: string;
  /**
   * Requests a minute each provider's plan allows (absent: unpaced), per API key: shared by
   * every thread, and through Redis every process, spending that key.
   */
  perMinute?: SearchRates;
  /** TEST-ONLY: let the reader fetch from 127.0.0.1 (fixture servers). */
  allowLoopback: boolean;
  /** TEST-ONLY, with allowLoopback: host names resolved to these addresses (fixture sites). */
  testHosts?: Record<string, string>;
}

export const WEB_DEFAULTS = {
  search: ["local"] as SearchProviderName[],
  wikipediaLanguage: "en",
  userAgent:
    "Factually/0.1 (self-hosted fact-check engine; +https://github.com/factually/factually)",
  maxBytes: 5 * 1024 * 1024,
  fetchTimeoutMs: 15_000,
  robots: true,
};

export function resolveWebConfig(
  env: Env,
  file: WebConfigFile | undefined,
  resolvePath: (path: string, fromFile: boolean) => string,
): WebConfig {
  const search =
    listFromEnv(env, "FACTUALLY_SEARCH", SEARCH_PROVIDERS) ?? file?.search ?? WEB_DEFAULTS.search;
  const searxngUrl = urlFromEnv(env, "FACTUALLY_SEARXNG_URL") ?? file?.searxngUrl;
  const keys: WebConfig["keys"] = {};
  const keyVars = {
    brave: "BRAVE_API_KEY",
    tavily: "TAVILY_API_KEY",
    serper: "SERPER_API_KEY",
    exa: "EXA_API_KEY",
    "google-fact-check": "GOOGLE_FACT_CHECK_API_KEY",
  } as const;
  for (const [provider, variable] of Object.entries(keyVars) as Array<
    [keyof typeof keyVars, string]
  >) {
    const key = nonEmpty(env[variable]);
    if (key) keys[provider] = key.trim();
    else if (search.includes(provider)) {
      throw badConfig(
        variable,
        `FACTUALLY_SEARCH includes ${provider}, which needs ${variable}; set it, or remove ${provider} from FACTUALLY_SEARCH`,
      );
    }
  }
  if (search.includes("searxng") && !searxngUrl) {
    throw badConfig(
      "FACTUALLY_SEARXNG_URL",
      "FACTUALLY_SEARCH includes searxng, which needs FACTUALLY_SEARXNG_URL (your instance, e.g. http://localhost:8888, with json in search.formats)",
    );
  }
  const notesFromEnv = nonEmpty(env.FACTUALLY_SOURCE_NOTES);
  const sourceNotes = notesFromEnv
    ? resolvePath(notesFromEnv, false)
    : file?.sourceNotes
      ? resolvePath(file.sourceNotes, true)
      : undefined;
  const perMinute = searchRatesFromEnv(env) ?? searchRatesOf(file?.perMinute);
  return {
    search: [...new Set(search)],
    ...(searxngUrl ? { searxngUrl: searxngUrl.replace(/\/+$/, "") } : {}),
    wikipediaLanguage:
      envValue(env, "FACTUALLY_WIKIPEDIA_LANGUAGE", z.string().regex(/^[a-z]{2,3}$/), String) ??
      file?.wikipediaLanguage ??
      WEB_DEFAULTS.wikipediaLanguage,
    keys,
    userAgent:
      nonEmpty(env.FACTUALLY_USER_AGENT)?.trim() ?? file?.userAgent ?? WEB_DEFAULTS.userAgent,
    maxBytes:
      envValue(
        env,
        "FACTUALLY_FETCH_MAX_BYTES",
        z.number().int().min(10_000).max(100_000_000),
        Number,
      ) ??
      file?.maxBytes ??
      WEB_DEFAULTS.maxBytes,
    fetchTimeoutMs:
      envValue(env, "FACTUALLY_FETCH_TIMEOUT_MS", z.number().int().min(100).max(600_000), Number) ??
      file?.fetchTimeoutMs ??
      WEB_DEFAULTS.fetchTimeoutMs,
    robots: envBoolean(env, "FACTUALLY_ROBOTS") ?? file?.robots ?? WEB_DEFAULTS.robots,
    allowDomains: domainsFromEnv(env, "FACTUALLY_ALLOW_DOMAINS") ?? file?.allowDomains ?? [],
    denyDomains: domainsFromEnv(env, "FACTUALLY_DENY_DOMAINS") ?? file?.denyDomains ?? [],
    ...(sourceNotes ? { sourceNotes } : {}),
    ...(perMinute ? { perMinute } : {}),
    allowLoopback: envBoolean(env, "FACTUALLY_TEST_ALLOW_LOOPBACK") ?? false,
    ...testHostsFromEnv(env),
  };
}

/** FACTUALLY_TEST_HOSTS="www.who.int=127.0.0.1,medium.com=127.0.0.1" (tests only). */
function testHostsFromEnv(env: Env): { testHosts?: Record<string, string> } {
  const raw = nonEmpty(env.FACTUALLY_TEST_HOSTS);
  if (raw === undefined) return {};
  const hosts: Record<string, string> = {};
  for (const pair of raw.split(",")) {
    const [name, address] = pair.split("=").map((s) => s.trim().toLowerCase());
    if (!name || !address) {
      throw badConfig(
        "FACTUALLY_TEST_HOSTS",
        `FACTUALLY_TEST_HOSTS: ${JSON.stringify(pair)} is not name=address`,
      );
    }
    hosts[name] = address;
  }
  return { testHosts: hosts };
}

function listFromEnv<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const items = raw
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (unknown.length > 0 || items.length === 0) {
    throw badConfig(
      name,
      `${name}=${JSON.stringify(raw)} names ${unknown.length > 0 ? `unknown providers (${unknown.join(", ")})` : "no provider"}; use a comma-separated list of ${allowed.join(", ")}`,
    );
  }
  return items as T[];
}

function domainsFromEnv(env: Env, name: string): string[] | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const items = raw
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const item of items) {
    if (!Domain.safeParse(item).success) {
      throw badConfig(
        name,
        `${name}: ${JSON.stringify(item)} is not a domain; use a comma-separated list such as example.org,*.example.net`,
      );
    }
  }
  return items;
}

function urlFromEnv(env: Env, name: string): string | undefined {
  return envValue(env, name, HttpUrl, String);
}
