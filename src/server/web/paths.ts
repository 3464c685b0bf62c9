// The addresses the pages link to and post to, in one place.

/**
 * `text` as one URL component. A lone surrogate (stored before inputs were made well-formed)
 * would make encodeURIComponent throw URIError and the page answer 500; it becomes U+FFFD.
 */
export function uriComponent(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** The check page, `/check/<id>`. */
export function checkPath(id: string): string {
  return `/check/${uriComponent(id)}`;
}

/** A version of the check page; the latest has no `?v=`. */
export function versionPath(id: string, n: number, latest: number): string {
  return n === latest ? checkPath(id) : `${checkPath(id)}?v=${n}`;
}

/** The JSON API's address for a check (what the page script calls). */
export function apiCheckPath(id: string): string {
  return `/api/checks/${uriComponent(id)}`;
}

/** The home page with the input filled in: how a follow-up question becomes a check. */
export function askPath(question: string): string {
  return `/?q=${uriComponent(question)}`;
}
