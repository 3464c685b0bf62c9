// Fetches untrusted URLs (search results, redirects) behind an SSRF guard, with size, type,
// time and robots.txt limits, and decodes text bodies.
import { interceptors } from "undici";
import { startDeadline } from "./deadline.js";
import { toFetchError } from "./fetch-errors.js";
import { type RedirectContext, requestFollowingRedirects } from "./follow-redirects.js";
import { createGuardedAgent } from "./guarded-agent.js";
import { discardBody, readCappedBody } from "./read-body.js";
import { readResource } from "./read-resource.js";
import { createRobotsGate, type RobotsTxtResponse } from "./robots.js";
import type {
  FetchedResource,
  SafeFetcher,
  SafeFetchInit,
  SafeFetchOptions,
} from "./safe-fetcher-types.js";

/** The media types a fetcher accepts unless told otherwise: what the readers can extract. */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "application/pdf",
];

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
// RFC 9309 §2.5: crawlers must parse at least 500 KiB of a robots.txt; the rest is ignored.
const ROBOTS_MAX_BYTES = 500 * 1024;

/** A fetcher for untrusted URLs; see SafeFetchOptions for the limits and their defaults. */
export function createSafeFetcher(options: SafeFetchOptions): SafeFetcher {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const allowedTypes = options.allowedTypes ?? DEFAULT_ALLOWED_TYPES;
  const policy = { allowLoopback: options.allowLoopback === true };
  const agent = createGuardedAgent({
    ...policy,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    connectTimeoutMs: timeoutMs,
    inactivityTimeoutMs: timeoutMs,
  });
  // Undoes gzip/deflate/br; its own cap is a second line behind readCappedBody's.
  const dispatcher = agent.compose(interceptors.decompress({ maxSize: maxBytes }));
  const closing = new AbortController();
  let closed: Promise<void> | undefined;

  /** Runs `work` under the caller's signal, the time cap and close(), whichever comes first. */
  async function withDeadline<T>(
    caller: AbortSignal | undefined,
    work: (context: Omit<RedirectContext, "headers">) => Promise<T>,
    describe: string,
  ): Promise<T> {
    const { signal, signals, dispose } = startDeadline(caller, closing.signal, timeoutMs);
    try {
      if (signal.aborted) throw signal.reason;
      return await work({ dispatcher, policy, maxRedirects, signal, signals });
    } catch (error) {
      throw toFetchError(error, describe, signals);
    } finally {
      dispose();
    }
  }

  async function loadRobotsTxt(robotsUrl: URL): Promise<RobotsTxtResponse> {
    // Not tied to any one caller's signal: the result is shared by every fetch of the origin.
    return withDeadline(
      undefined,
      async (context) => {
        const headers = { "user-agent": options.userAgent, accept: "text/plain" };
        const { response } = await requestFollowingRedirects(robotsUrl.href, {
          ...context,
          headers,
        });
        if (response.statusCode < 200 || response.statusCode >= 300) {
          discardBody(response.body);
          return { status: response.statusCode, text: "" };
        }
        // Any media type: servers label robots.txt inconsistently, and it is only parsed as rules.
        const { bytes } = await readCappedBody(response.body, ROBOTS_MAX_BYTES, "truncate");
        return { status: response.statusCode, text: new TextDecoder().decode(bytes) };
      },
      robotsUrl.href,
    );
  }

  const robots =
    options.respectRobots === false
      ? undefined
      : createRobotsGate({
          userAgent: options.userAgent,
          load: loadRobotsTxt,
          ...(options.robotsTtlMs === undefined ? {} : { ttlMs: options.robotsTtlMs }),
          ...(options.robotsCacheSize === undefined ? {} : { maxOrigins: options.robotsCacheSize }),
          ...(options.now ? { now: options.now } : {}),
        });

  async function fetchResource(
    url: string,
    init: SafeFetchInit,
    context: Omit<RedirectContext, "headers">,
  ): Promise<FetchedResource> {
    const headers: Record<string, string> = {
      "user-agent": options.userAgent,
      accept: allowedTypes.join(", "),
      "accept-encoding": "gzip, deflate, br",
    };
    if (init.ifNoneMatch !== undefined) headers["if-none-match"] = init.ifNoneMatch;
    if (init.ifModifiedSince !== undefined) headers["if-modified-since"] = init.ifModifiedSince;
    const gate = robots;
    const final = await requestFollowingRedirects(url, {
      ...context,
      headers,
      ...(gate ? { beforeHop: (hop: URL) => gate.check(hop, context.signal) } : {}),
    });
    return readResource(url, init, final, { maxBytes, allowedTypes });
  }

  return {
    fetch(url, init = {}) {
      return withDeadline(init.signal, (context) => fetchResource(url, init, context), url);
    },
    close() {
      closing.abort();
      closed ??= agent.close();
      return closed;
    },
  };
}
