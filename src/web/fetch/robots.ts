// Decides, per origin, whether robots.txt lets us fetch a URL; the rules are cached per origin.
import robotsParserModule from "robots-parser";
import { FactuallyError, isFactuallyError } from "../../core/errors.js";
import { blockedUrl, unreachableReason } from "./fetch-errors.js";

/** The part of robots-parser's Robot we use. */
interface RobotsTxt {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export,
// which TypeScript's nodenext reading makes `{ default: fn }`; at run time the import is fn.
const parseRobotsTxt = robotsParserModule as unknown as (url: string, text: string) => RobotsTxt;

/** A fetched robots.txt: its final status and (for 2xx) its text. Network failures throw. */
export interface RobotsTxtResponse {
  status: number;
  text: string;
}

/** Options of {@link createRobotsGate}. */
export interface RobotsGateOptions {
  userAgent: string;
  /** Fetches a robots.txt through the same guard as pages. */
  load: (robotsUrl: URL) => Promise<RobotsTxtResponse>;
  /** How long fetched rules (and a 4xx "no rules") are reused: 1 h by default (RFC 9309 §2.4: at most 24 h). */
  ttlMs?: number;
  /** How long a "disallow because unreachable" is reused: 5 min by default, to retry soon. */
  failureTtlMs?: number;
  /** Origins remembered at most; the least recently used is forgotten first. Default 1000. */
  maxOrigins?: number;
  now?: () => number;
}

/** Refuses URLs an origin's robots.txt disallows for our user agent. */
export interface RobotsGate {
  /** Resolves when `url` may be fetched; throws BLOCKED_URL naming robots.txt when not. */
  check(url: URL, signal?: AbortSignal): Promise<void>;
}

type RobotsRules =
  | { kind: "rules"; robots: RobotsTxt }
  | { kind: "allow-all" }
  | { kind: "disallow-all"; why: string }
  /** The host could not be reached at all: no page of it can be fetched either. */
  | { kind: "unreachable"; why: string; error: unknown };

interface CacheEntry {
  rules: Promise<RobotsRules>;
  expiresAt: number;
}

/**
 * A robots.txt gate following RFC 9309 §2.3.1: 2xx → the file's rules; 4xx (other than 429)
 * → no rules, everything allowed; 5xx, 429, too many redirects, a refused or unreachable
 * robots.txt → everything disallowed ("complete disallow"), remembered only briefly.
 */
export function createRobotsGate(options: RobotsGateOptions): RobotsGate {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const failureTtlMs = options.failureTtlMs ?? 5 * 60 * 1000;
  const maxOrigins = options.maxOrigins ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, CacheEntry>();

  function rulesFor(origin: string): Promise<RobotsRules> {
    const cached = cache.get(origin);
    if (cached !== undefined && cached.expiresAt > now()) {
      cache.delete(origin); // re-insert: Map order is our recency order
      cache.set(origin, cached);
      return cached.rules;
    }
    const robotsUrl = new URL("/robots.txt", origin);
    const entry: CacheEntry = { rules: loadRules(robotsUrl), expiresAt: Number.POSITIVE_INFINITY };
    cache.delete(origin);
    cache.set(origin, entry);
    for (const oldest of cache.keys()) {
      if (cache.size <= maxOrigins) break;
      cache.delete(oldest);
    }
    entry.rules.then(
      (rules) => {
        const failed = rules.kind === "disallow-all" || rules.kind === "unreachable";
        entry.expiresAt = now() + (failed ? failureTtlMs : ttlMs);
      },
      () => {
        if (cache.get(origin) === entry) cache.delete(origin);
      },
    );
    return entry.rules;
  }

  async function loadRules(robotsUrl: URL): Promise<RobotsRules> {
    try {
      const { status, text } = await options.load(robotsUrl);
      if (status >= 200 && status < 300) {
        return { kind: "rules", robots: parseRobotsTxt(robotsUrl.href, text) };
      }
      if (status >= 400 && status < 500 && status !== 429) return { kind: "allow-all" };
      return { kind: "disallow-all", why: `it answered HTTP ${status}` };
    } catch (error) {
      // The fetcher shutting down is not a verdict on the site: let it through, uncached.
      if (isFactuallyError(error) && error.code === "ABORTED") throw error;
      // Blaming robots.txt for a host that does not answer at all would send the user the wrong way.
      const unreachable = unreachableReason(error);
      if (unreachable !== undefined) return { kind: "unreachable", why: unreachable, error };
      const why = isFactuallyError(error) ? error.message : String(error);
      return { kind: "disallow-all", why: `it could not be fetched (${why})` };
    }
  }

  return {
    async check(url, signal) {
      if (url.pathname === "/robots.txt") return; // RFC 9309 §2.2.2: implicitly allowed
      const rules = await untilAborted(rulesFor(url.origin), signal);
      if (rules.kind === "allow-all") return;
      if (rules.kind === "unreachable") {
        throw new FactuallyError(
          "PROVIDER_FAILED",
          `${url.href}: the host ${url.host} could not be reached (${rules.why})`,
          { target: url.href, cause: rules.error, isRetryable: true },
        );
      }
      if (rules.kind === "disallow-all") {
        throw blockedUrl(
          url.href,
          `${url.origin}/robots.txt counts as disallowing everything: ${rules.why}`,
        );
      }
      if (rules.robots.isAllowed(url.href, options.userAgent) === false) {
        throw blockedUrl(
          url.href,
          `disallowed by ${url.origin}/robots.txt for ${options.userAgent}`,
        );
      }
    },
  };
}

// The robots.txt load is shared by every fetch of an origin, so one caller's abort must not
// cancel it for the others: each caller stops waiting instead.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new FactuallyError("ABORTED", "the robots.txt check was cancelled");
}
