// Sends a GET and follows redirects by hand, re-validating every hop before it is requested.
import type { Dispatcher } from "undici";
import { FactuallyError } from "../../core/errors.js";
import type { AddressPolicyOptions } from "./address-policy.js";
import { blockedUrl, type FetchSignals, toFetchError } from "./fetch-errors.js";
import { discardBody } from "./read-body.js";
import { checkUrl } from "./url-policy.js";

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** What a chain of requests needs: where to send them, under which limits and signals. */
export interface RedirectContext {
  dispatcher: Dispatcher;
  policy: AddressPolicyOptions;
  maxRedirects: number;
  headers: Readonly<Record<string, string>>;
  /** Aborts the request and its body: the caller's signal, the time cap and close() together. */
  signal: AbortSignal;
  signals: FetchSignals;
  /** Runs before each hop is requested (the robots.txt check); throws to refuse it. */
  beforeHop?: (url: URL) => Promise<void>;
}

/** The last response of a chain, its URL, and each URL a redirect led to (in order). */
export interface FinalResponse {
  url: URL;
  redirects: string[];
  response: Dispatcher.ResponseData;
}

/** GETs `start`, following up to `maxRedirects` redirects; the body is left for the caller. */
export async function requestFollowingRedirects(
  start: string,
  context: RedirectContext,
): Promise<FinalResponse> {
  const redirects: string[] = [];
  let target = start;
  let base: string | undefined;
  for (;;) {
    const verdict = checkUrl(target, base, context.policy);
    // The first hop is named as the caller wrote it; later ones resolved, with where they began.
    const shown = (href: string) =>
      base === undefined ? start : `${href} (redirected from ${start})`;
    if (!verdict.ok) {
      throw blockedUrl(shown(URL.parse(target, base)?.href ?? target), verdict.reason);
    }
    const url = verdict.url;
    if (base !== undefined) redirects.push(url.href);
    await context.beforeHop?.(url);
    let response: Dispatcher.ResponseData;
    try {
      response = await context.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: context.headers,
        signal: context.signal,
      });
    } catch (error) {
      throw toFetchError(error, shown(url.href), context.signals);
    }
    const location = header(response.headers.location);
    if (!REDIRECT_STATUSES.has(response.statusCode) || location === undefined) {
      return { url, redirects, response };
    }
    discardBody(response.body);
    if (redirects.length >= context.maxRedirects) {
      throw new FactuallyError(
        "PROVIDER_FAILED",
        `${start}: more than ${context.maxRedirects} redirects (the last one to ${location})`,
        { target: start },
      );
    }
    target = location;
    base = url.href;
  }
}

/** The single value of a response header (the first, when it was repeated). */
export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
