// Where a check looks and how it reads: the configured search providers (the corpus, the web
// providers of FACTUALLY_SEARCH, Wikipedia when --web asks for the web and none is configured)
// and the readers for what they find (the corpus, and guarded fetching for web pages).
import { lookup as dnsLookup } from "node:dns";
import type { LookupFunction } from "node:net";
import type { WebConfig } from "../config/web-config.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import type { SearchProvider } from "../core/interfaces/search-provider.js";
import type { SnapshotStore } from "../core/interfaces/snapshot-store.js";
import { CorpusReader } from "../read/corpus-reader.js";
import { WebReader } from "../read/web-reader.js";
import { LocalSearchProvider } from "../search/local-provider.js";
import { createSearchProviders } from "../search/web/provider-registry.js";
import { createSafeFetcher, type SafeFetcher } from "../web/fetch/index.js";

export interface WebSources {
  providers: SearchProvider[];
  readers: Reader[];
  /** Whether any provider searches the web (the reader then fetches pages). */
  usesWeb: boolean;
  /** Frees the page fetcher's connections. */
  close(): Promise<void>;
}

export interface WebSourcesOptions {
  /** --web: search the web even when only the corpus is configured (Wikipedia, no key). */
  web?: boolean;
  /** Whether the corpus has documents; an empty corpus is not searched. */
  corpusHasDocuments: boolean;
  /** Where each search quota's pace is kept (default: this process). */
  pacers?: PacerFactory;
}

/** The providers and readers for `web`; nothing touches the network until a check runs. */
export function webSourcesFor(
  stores: { corpus: CorpusStore; snapshots: SnapshotStore },
  web: WebConfig,
  options: WebSourcesOptions,
): WebSources {
  let names = web.search;
  const webNames = names.filter((n) => n !== "local");
  if (options.web && webNames.length === 0) names = [...names, "wikipedia"];
  const providers: SearchProvider[] = [];
  if (names.includes("local") && options.corpusHasDocuments) {
    providers.push(new LocalSearchProvider(stores.corpus));
  }
  providers.push(
    ...createSearchProviders(names, {
      ...(web.searxngUrl ? { searxngUrl: web.searxngUrl } : {}),
      braveApiKey: web.keys.brave,
      tavilyApiKey: web.keys.tavily,
      serperApiKey: web.keys.serper,
      exaApiKey: web.keys.exa,
      googleFactCheckApiKey: web.keys["google-fact-check"],
      wikipediaLanguage: web.wikipediaLanguage,
      userAgent: web.userAgent,
      pacers: options.pacers,
      httpByProvider: Object.fromEntries(
        Object.entries(web.perMinute ?? {}).map(([name, perMinute]) => [
          name,
          { minIntervalMs: 60_000 / perMinute },
        ]),
      ),
    }),
  );
  const usesWeb = names.some((n) => n !== "local");
  const readers: Reader[] = [new CorpusReader(stores.corpus)];
  if (!usesWeb) return { providers, readers, usesWeb, close: async () => {} };
  const fetcher = safeFetcherFor(web);
  readers.push(new WebReader(stores.snapshots, fetcher));
  return { providers, readers, usesWeb, close: () => fetcher.close() };
}

/** The guarded page fetcher as configured (robots.txt as configured unless `robots` says). */
export function safeFetcherFor(web: WebConfig, options: { robots?: boolean } = {}): SafeFetcher {
  return createSafeFetcher({
    userAgent: web.userAgent,
    maxBytes: web.maxBytes,
    timeoutMs: web.fetchTimeoutMs,
    respectRobots: options.robots ?? web.robots,
    allowLoopback: web.allowLoopback,
    ...(web.allowLoopback && web.testHosts ? { lookup: hostsLookup(web.testHosts) } : {}),
  });
}

/**
 * TEST-ONLY: names resolved from a table (to loopback fixture servers), the rest by DNS, so an
 * end-to-end test can serve "www.who.int" from 127.0.0.1 and profiles come from real names.
 */
function hostsLookup(hosts: Readonly<Record<string, string>>): LookupFunction {
  return ((hostname: string, options: object, callback: (...args: unknown[]) => void) => {
    const address = hosts[hostname.toLowerCase()];
    if (address === undefined) {
      (dnsLookup as unknown as (h: string, o: object, cb: (...args: unknown[]) => void) => void)(
        hostname,
        options,
        callback,
      );
      return;
    }
    const family = address.includes(":") ? 6 : 4;
    setImmediate(() => {
      if ((options as { all?: boolean }).all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    });
  }) as LookupFunction;
}
