// Content hashes that identify a document's text across ingests and fetches.
import { createHash } from "node:crypto";

/** sha256 (hex) of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function contentHash(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex");
}
