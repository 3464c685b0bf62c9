// Database locations that are server URLs (postgres://…) rather than SQLite file paths, and the
// form of such a URL that is safe to show: without its password.

/** Whether `db` names a PostgreSQL server (`postgres://` or `postgresql://`) rather than a file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db.trim());
}

/**
 * `url` without its password (in the user part or a `password` parameter), for messages and
 * `location`; text that does not parse as a URL is cut to its scheme and host-ish part.
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo what might hold a secret: keep what follows the last "@", if anything.
    const at = url.lastIndexOf("@");
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? "";
    return at >= 0 ? `${scheme}${url.slice(at + 1)}` : url.replace(/:[^:@/]*@/, "@");
  }
  if (parsed.password !== "") parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() === "password") parsed.searchParams.delete(key);
  }
  return parsed.toString();
}
