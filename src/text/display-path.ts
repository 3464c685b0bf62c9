// Paths in messages, written the way the user would type them.
import { isAbsolute, relative, sep } from "node:path";

/** A path as the user would write it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file;
  return rel.split(sep).join("/");
}
