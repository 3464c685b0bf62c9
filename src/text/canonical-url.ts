// One address for one page, whichever provider found it: the key that de-duplicates web hits.

// Parameters that say how a visitor arrived, not which page it is.
const TRACKING = new Set(["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src"]);

/**
 * `url` with the differences that do not change the page removed: scheme and host lower-case,
 * http as https, no `www.`, no default port, no fragment, no tracking parameters (`utm_*`,
 * `fbclid`, `gclid`, `mc_cid`, `mc_eid`, `ref`, `ref_src`), the other parameters sorted, no
 * trailing slash except the root's. Not a URL (or not http/https): returned trimmed.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return url.trim();
  // The URL parser already dropped the scheme's own default port; http on 443 is https's.
  if (parsed.protocol === "http:") {
    if (parsed.port === "443") parsed.port = "";
    parsed.protocol = "https:";
  }
  parsed.hostname = parsed.hostname.replace(/^www\./, "");
  parsed.hash = "";
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = kept.length > 0 ? new URLSearchParams(kept).toString() : "";
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith("/")) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, "") || "/";
  }
  return parsed.toString();
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING.has(lower);
}
