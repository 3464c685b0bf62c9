// Host names matched against domain patterns: `example.org` covers it and its subdomains, and
// `*` in a pattern stands for any one label (`gov.*` covers ons.gov.uk and data.gov.au).

/** The lower-case host name of a URL, without a trailing dot; undefined when there is none. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const host = URL.parse(url)?.hostname.toLowerCase().replace(/\.$/, "");
  return host || undefined;
}

/** Whether `host` is `pattern` or a subdomain of it, `*` matching any one label. */
export function matchesDomain(host: string, pattern: string): boolean {
  const hostLabels = host.split(".");
  const patternLabels = pattern.split(".");
  if (patternLabels.length > hostLabels.length) return false;
  const tail = hostLabels.slice(-patternLabels.length);
  return patternLabels.every((label, i) => label === "*" || label === tail[i]);
}

/** How specific a pattern is (its number of labels): `pubmed.ncbi.nlm.nih.gov` beats `gov`. */
export function domainSpecificity(pattern: string): number {
  return pattern.split(".").length;
}

/**
 * The most specific of `patterns` that `host` matches, the first one on a tie; undefined when
 * none does.
 */
export function bestMatch<T>(
  host: string,
  entries: readonly T[],
  patternOf: (entry: T) => string,
): T | undefined {
  let best: T | undefined;
  let bestSpecificity = 0;
  for (const entry of entries) {
    const pattern = patternOf(entry);
    if (!matchesDomain(host, pattern)) continue;
    const specificity = domainSpecificity(pattern);
    if (specificity > bestSpecificity) {
      best = entry;
      bestSpecificity = specificity;
    }
  }
  return best;
}

/** `host` and each of its parent domains, most specific first: a.b.example.com → …, com. */
export function hostAndParents(host: string): string[] {
  const labels = host.split(".");
  return labels.map((_, i) => labels.slice(i).join("."));
}
