// The addresses the pages link to and post to, in one place.

/** The check page, `/check/<id>`. */
export function checkPath(id: string): string {
  return `/check/${encodeURIComponent(id)}`;
}

/** A version of the check page; the latest has no `?v=`. */
export function versionPath(id: string, n: number, latest: number): string {
  return n === latest ? checkPath(id) : `${checkPath(id)}?v=${n}`;
}

/** The JSON API's address for a check (what the page script calls). */
export function apiCheckPath(id: string): string {
  return `/api/checks/${encodeURIComponent(id)}`;
}

/** The home page with the input filled in: how a follow-up question becomes a check. */
export function askPath(question: string): string {
  return `/?q=${encodeURIComponent(question)}`;
}
