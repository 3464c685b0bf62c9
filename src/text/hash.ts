// Content hashes that identify a document's text across ingests and fetches.
import { createHash } from "node:crypto";

/** sha256 (hex) of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function contentHash(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex");
}

/**
 * The name of one rate-limit quota: the service, then a short SHA-256 of what identifies the
 * account (its API key, or the server's address), so processes spending one key share a pace,
 * different keys do not, and the key itself never reaches a log or a Redis key.
 */
export function quotaKey(service: string, account: string | undefined): string {
  if (!account) return service;
  return `${service}:${createHash("sha256").update(account, "utf8").digest("hex").slice(0, 16)}`;
}
