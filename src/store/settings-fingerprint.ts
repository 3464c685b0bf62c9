// The short fingerprint of a version's settings that every store keeps beside it, so that a
// version made another way can be told apart without reading its body.
import type { CheckVersion } from "../core/schema/check.js";
import { contentHash } from "../text/hash.js";

export function settingsFingerprint(version: Pick<CheckVersion, "settings">): string {
  return contentHash(JSON.stringify(version.settings)).slice(0, 16);
}
