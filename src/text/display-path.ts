// Paths in messages, written the way the user would type them.
import { isAbsolute, relative, sep } from "node:path";

/** A path as the user would write it: relative to the working folder when inside it; URLs unchanged. */
export function displayPath(file: string, cwd: string): string {
  // A database URL (postgres://…) is shown as it is: it is not a path.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const rel = relative(cwd, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file;
  return rel.split(sep).join("/");
}
