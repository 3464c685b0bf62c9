import { describe, expect, it } from "vitest";
import { hashPassword, parseHash, SCRYPT_PARAMETERS, verifyPassword } from "./password.js";

describe("password hashing", () => {
  it("uses scrypt N=2^15, r=8, p=1 with a 32-byte salt and a 64-byte key", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const parsed = parseHash(stored);
    expect(parsed).toMatchObject({ N: 32768, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(32);
    expect(parsed?.key.length).toBe(64);
    expect(SCRYPT_PARAMETERS).toEqual({ N: 2 ** 15, r: 8, p: 1 });
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts each hash, so one password hashes differently twice", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password!"),
      hashPassword("same password!"),
    ]);
    expect(a).not.toBe(b);
  });

  it("verifies with the parameters stored in the hash, so they can be raised later", async () => {
    const cheaper = await hashPassword("an older password", { N: 2 ** 10, r: 8, p: 1 });
    expect(cheaper.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("an older password", cheaper)).toBe(true);
  });

  it("treats a damaged or foreign hash as no match", async () => {
    for (const stored of ["", "bcrypt$x", "scrypt$0$8$1$c2FsdA==$a2V5", "scrypt$1024$8$1$$"]) {
      expect(await verifyPassword("anything at all", stored)).toBe(false);
    }
  });
});
