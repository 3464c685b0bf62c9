// Password hashing: node:crypto scrypt (memory-hard), N=2^15, r=8, p=1 (32 MiB per hash), a
// 32-byte random salt and a 64-byte key, stored as `scrypt$N$r$p$salt$hash` (base64) so the
// parameters can be raised later without breaking stored hashes; compared in constant time.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_PARAMETERS: Readonly<ScryptParameters> = { N: 2 ** 15, r: 8, p: 1 };
export const SALT_BYTES = 32;
export const KEY_BYTES = 64;

/** Hashes `password` with a fresh salt. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, parameters);
  const { N, r, p } = parameters;
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Whether `password` matches `stored`; false for a hash in a form this build does not know. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(key, parsed.key);
}

/** The parts of a stored hash, or undefined when it is not one. */
export function parseHash(
  stored: string,
): (ScryptParameters & { salt: Buffer; key: Buffer }) | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const key = Buffer.from(parts[5] ?? "", "base64");
  const valid = [N, r, p].every((n) => Number.isSafeInteger(n) && (n ?? 0) > 0);
  if (!valid || N === undefined || r === undefined || p === undefined) return undefined;
  if (salt.length === 0 || key.length === 0 || N > 2 ** 20) return undefined;
  return { N, r, p, salt, key };
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  { N, r, p }: ScryptParameters,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that for N=2^15, r=8.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
