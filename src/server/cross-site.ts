// The one rule for cross-site request forgery, asked by the pages' forms and the API's writes
// alike: did a browser send this request on behalf of a page on another site?
import type { Context } from "hono";

export interface OwnOrigins {
  /** FACTUALLY_BASE_URL: the public address, when a proxy stands in front. */
  baseUrl?: string | undefined;
  /** Other sites' origins trusted to write from a browser (the API's FACTUALLY_CORS_ORIGINS). */
  trusted?: readonly string[];
}

/**
 * Whether a browser sent this request from another site. In order:
 * 1. `Sec-Fetch-Site: same-origin` or `none` (the user's own action: typed, bookmarked) →
 *    allowed. Browsers set it and no page can (a forbidden header name; W3C Fetch Metadata).
 *    A form on our own pages comes as `same-origin` even when its Origin is `null`.
 * 2. An Origin listed in `trusted` → allowed.
 * 3. Any other `Sec-Fetch-Site` (`same-site` — another port of this host counts —,
 *    `cross-site`) → refused.
 * 4. No Sec-Fetch-Site (older browsers, scripts, curl): no Origin → allowed, since a browser
 *    sends Origin with every POST (Fetch §3.1) and a client that sends none is not a browser
 *    acting for a page; an Origin whose host is this server's (the Host it came to, or
 *    `baseUrl`'s) → allowed; `null`, another origin or garbage → refused. Hosts are compared,
 *    not schemes, so a server behind a TLS-terminating proxy still knows its own pages.
 */
export function isCrossSite(c: Context, own: OwnOrigins = {}): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site === "same-origin" || site === "none") return false;
  const origin = c.req.header("origin");
  if (origin !== undefined && own.trusted?.includes(origin)) return false;
  if (site !== undefined) return true;
  if (origin === undefined) return false;
  return !ownHosts(c, own.baseUrl).has(hostOf(origin) ?? "");
}

function ownHosts(c: Context, baseUrl: string | undefined): Set<string> {
  const hosts = new Set([new URL(c.req.url).host]);
  const host = c.req.header("host");
  if (host) hosts.add(host);
  if (baseUrl) hosts.add(new URL(baseUrl).host);
  return hosts;
}

/** The host of an origin; undefined for `null` (an opaque origin) or garbage. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}
