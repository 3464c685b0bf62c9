// The registrable part of a host name (what one owner registers): bbc.co.uk, not co.uk; one
// blog on a shared blog host, not the host.
import { getDomain } from "tldts";

// The whole Public Suffix List (https://publicsuffix.org/list/), embedded in tldts, so it works
// offline. Its private section is on: two blogs on blogspot.com, or two sites on github.io, are
// two voices. The input is already a host, so tldts need not parse or validate a URL.
const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false };

/** The registrable domain of a host (an IP address, a public suffix or one-label host as it is). */
export function registrableHost(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, "");
  if (/^[\d.]+$/.test(clean) || clean.includes(":")) return clean;
  // www.gov.uk is the site of the public suffix gov.uk itself: it stands for gov.uk.
  const named = clean.replace(/^www\./, "");
  return getDomain(named, PSL_OPTIONS) ?? named;
}
