// Who rated, kept without keeping them: a rater (a client prefix such as "203.0.113.7") is
// stored as the SHA-256 of a random per-database salt and the rater, so a second rating can
// replace the first while the rows never hold an address (nor one that can be looked up across
// databases). The salt lives in the store's `store_settings` under RATER_SALT_KEY.
import { createHash, randomBytes } from "node:crypto";

export const RATER_SALT_KEY = "rater-salt";

/** A new salt, for a store that has none yet. */
export function newRaterSalt(): string {
  return randomBytes(32).toString("hex");
}

/** The stored form of `rater`. */
export function raterHash(salt: string, rater: string): string {
  return createHash("sha256").update(`${salt}\n${rater}`).digest("hex");
}
