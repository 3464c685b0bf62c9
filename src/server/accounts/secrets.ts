// Random secrets (session ids, API tokens, CSRF tokens) and the SHA-256 the store keeps of them.
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 of a secret as hex: what the store keeps, so a leaked database holds no live secret. */
export function sha256Hex(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
