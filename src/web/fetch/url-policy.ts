// Which URLs a fetch may even try: http(s), no credentials, and no non-public IP literal.
import { isIP } from "node:net";
import { type AddressPolicyOptions, checkAddress } from "./address-policy.js";

/** A URL that passed {@link checkUrl}, or why it did not. */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Whether `input` (resolved against `base` when given, as a Location header is) may be
 * fetched. Host names are judged later, on the addresses they resolve to (guarded-agent.ts).
 * Any port is allowed: only public addresses are reachable and every request is a plain GET,
 * so a port list would add little; the WHATWG "bad ports" list is a browser's concern.
 */
export function checkUrl(
  input: string,
  base?: string,
  opts: AddressPolicyOptions = {},
): UrlVerdict {
  // WHATWG parsing (the same parser undici uses) turns every IPv4 spelling — 2130706433,
  // 0x7f000001, 0177.0.0.1, 127.1, full-width digits — into dotted decimal, and IPv6 into
  // its compressed form, so one isIP() check below sees them all.
  const url = URL.parse(input, base);
  if (url === null) return { ok: false, reason: "not a valid URL" };
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: `the ${url.protocol} scheme is not allowed (only http and https)` };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "URLs with credentials are not allowed" };
  }
  const host = ipLiteral(url);
  if (host !== undefined) {
    const verdict = checkAddress(host, opts);
    if (!verdict.ok) return { ok: false, reason: `${host} is ${verdict.reason}` };
  }
  return { ok: true, url };
}

/** The bare IP address of a URL whose host is an IP literal (brackets removed), else undefined. */
export function ipLiteral(url: URL): string | undefined {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? undefined : host;
}
