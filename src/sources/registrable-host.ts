// The registrable part of a host name (what one owner registers): bbc.co.uk, not co.uk; one
// blog on a shared blog host, not the host.

// A hand-kept subset of the Public Suffix List (https://publicsuffix.org/list/): the
// second-level registries of the country domains sources most often come from. A host under
// one of them keeps three labels (news.bbc.co.uk → bbc.co.uk). Extend it from the list.
const SECOND_LEVEL = new Map<string, readonly string[]>(
  Object.entries({
    uk: ["ac", "co", "gov", "ltd", "me", "net", "nhs", "org", "plc", "police", "sch"],
    au: ["asn", "com", "edu", "gov", "id", "net", "org"],
    nz: ["ac", "co", "govt", "net", "org", "school"],
    za: ["ac", "co", "gov", "net", "org"],
    jp: ["ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"],
    kr: ["ac", "co", "go", "ne", "or", "re"],
    in: ["ac", "co", "edu", "gov", "net", "nic", "org", "res"],
    br: ["com", "edu", "gov", "jus", "leg", "mil", "net", "org"],
    ar: ["com", "edu", "gob", "gov", "net", "org"],
    mx: ["com", "edu", "gob", "net", "org"],
    es: ["com", "edu", "gob", "org"],
    fr: ["gouv"],
    ca: ["gc", "ab", "bc", "mb", "nb", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yk"],
    cn: ["ac", "com", "edu", "gov", "net", "org"],
    hk: ["com", "edu", "gov", "net", "org"],
    tw: ["com", "edu", "gov", "net", "org"],
    sg: ["com", "edu", "gov", "net", "org"],
    my: ["com", "edu", "gov", "net", "org"],
    id: ["ac", "co", "go", "or", "web"],
    th: ["ac", "co", "go", "in", "or"],
    il: ["ac", "co", "gov", "muni", "org"],
    tr: ["com", "edu", "gov", "org"],
    ng: ["com", "edu", "gov", "org"],
    ke: ["ac", "co", "go", "or"],
    eg: ["com", "edu", "gov", "org"],
    pk: ["com", "edu", "gov", "org"],
    ph: ["com", "edu", "gov", "org"],
    pl: ["com", "gov", "org"],
    ua: ["com", "gov", "org"],
    sa: ["com", "edu", "gov", "org"],
  }),
);

// Shared hosts where each subdomain is someone else's site (the list's "private" section):
// two blogs on blogspot.com are two voices.
const SHARED_HOSTS = new Set([
  "blogspot.com",
  "wordpress.com",
  "substack.com",
  "tumblr.com",
  "ghost.io",
  "github.io",
  "wixsite.com",
  "weebly.com",
  "netlify.app",
  "vercel.app",
  "pages.dev",
  "herokuapp.com",
]);

/** The registrable domain of a lower-case host (an IP address or one-label host as it is). */
export function registrableHost(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, "");
  if (/^[\d.]+$/.test(clean) || clean.includes(":")) return clean;
  const labels = clean.replace(/^www\./, "").split(".");
  const lastTwo = labels.slice(-2).join(".");
  const [second, top] = labels.slice(-2);
  const suffixLength =
    SHARED_HOSTS.has(lastTwo) ||
    (top !== undefined && second !== undefined && SECOND_LEVEL.get(top)?.includes(second))
      ? 2
      : 1;
  return labels.slice(-(suffixLength + 1)).join(".");
}
