// The id of a web page's snapshot, the same in every store: the same page and text, the same id.
import { contentHash } from "../text/hash.js";

export function snapshotIdOf(url: string, hash: string): string {
  return `snap-${contentHash(url, hash).slice(0, 16)}`;
}
