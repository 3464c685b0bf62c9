// `factually users …` in process on a fresh SQLite file: passwords and tokens printed once and
// stored only as hashes, sessions ended by reset and disable, bad input refused with exit 2.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../server/accounts/password.js";
import { sha256Hex } from "../server/accounts/secrets.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { runCaptured } from "./captured-io.js";

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-users-"));
  db = join(dir, "accounts.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-08T10:00:00.000Z");
const users = (args: string[], stdin?: string) =>
  runCaptured(["users", ...args, "--db", db], {
    cwd: dir,
    now: () => NOW,
    ...(stdin !== undefined ? { stdin } : {}),
  });

async function inStore<T>(work: (s: ReturnType<typeof openSqliteStore>) => Promise<T>) {
  const stores = openSqliteStore(db);
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}

describe("factually users", () => {
  it("adds a user with a random password printed once and stored only as a hash", async () => {
    const run = await users(["add", "Ada@Example.org", "--role", "checker"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Added ada@example.org as checker.");
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(run.stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(24);
    const user = await inStore((s) => s.accounts.getUser("ada@example.org"));
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user?.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, user?.passwordHash ?? "")).toBe(true);
  });

  it("takes a password from standard input and prints none", async () => {
    const run = await users(["add", "bob@example.org", "--password-stdin"], "a long passphrase\n");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("Password");
    const user = await inStore((s) => s.accounts.getUser("bob@example.org"));
    expect(user?.role).toBe("viewer");
    expect(await verifyPassword("a long passphrase", user?.passwordHash ?? "")).toBe(true);
  });

  it("refuses bad input with exit 2 and a clear message", async () => {
    expect(await users(["add", "not-an-email"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"not-an-email" is not an email address'),
    });
    expect((await users(["add", "c@example.org", "--role", "owner"])).code).toBe(2);
    expect(await users(["add", "c@example.org", "--password-stdin"], "short\n")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("a password needs 12 to 1024 characters"),
    });
    expect((await users(["add", "c@example.org"])).code).toBe(0);
    expect(await users(["add", "C@example.org"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("there is already a user c@example.org"),
    });
    expect(await users(["disable", "nobody@example.org"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("there is no user nobody@example.org"),
    });
    expect((await users(["revoke-token", "tok-none"])).code).toBe(2);
  });

  it("reset and disable end the user's sessions", async () => {
    await users(["add", "ada@example.org", "--role", "admin"]);
    const session = (idHash: string) => ({
      idHash,
      email: "ada@example.org",
      createdAt: NOW.toISOString(),
      lastSeenAt: NOW.toISOString(),
      expiresAt: "2026-12-09T10:00:00.000Z",
    });
    await inStore((s) => s.accounts.addSession(session("a".repeat(64))));
    const reset = await users(
      ["reset", "ada@example.org", "--password-stdin"],
      "another passphrase\n",
    );
    expect(reset.code).toBe(0);
    expect(await inStore((s) => s.accounts.getSession("a".repeat(64)))).toBeUndefined();
    const user = await inStore((s) => s.accounts.getUser("ada@example.org"));
    expect(await verifyPassword("another passphrase", user?.passwordHash ?? "")).toBe(true);

    await inStore((s) => s.accounts.addSession(session("b".repeat(64))));
    expect((await users(["disable", "ada@example.org"])).code).toBe(0);
    expect(await inStore((s) => s.accounts.getSession("b".repeat(64)))).toBeUndefined();
    expect((await inStore((s) => s.accounts.getUser("ada@example.org")))?.disabled).toBe(true);
  });

  it("issues a token once, stores its hash, lists it without secrets and revokes it", async () => {
    await users(["add", "ada@example.org", "--role", "checker"]);
    const run = await users(["token", "ada@example.org", "--label", "ci"]);
    expect(run.code).toBe(0);
    const token = /\n(fct_[A-Za-z0-9_-]{43})\n/.exec(run.stdout)?.[1] ?? "";
    const id = /Token (tok-[0-9a-f]+)/.exec(run.stdout)?.[1] ?? "";
    const stored = await inStore((s) => s.accounts.getTokenByHash(sha256Hex(token)));
    expect(stored).toMatchObject({ id, email: "ada@example.org", label: "ci" });

    const listed = await users(["list", "--json"]);
    expect(listed.stdout).not.toContain(token);
    expect(listed.stdout).not.toContain(sha256Hex(token));
    expect(JSON.parse(listed.stdout).users).toEqual([
      {
        email: "ada@example.org",
        role: "checker",
        disabled: false,
        createdAt: NOW.toISOString(),
        tokens: [{ id, label: "ci", createdAt: NOW.toISOString() }],
      },
    ]);
    expect((await users(["revoke-token", id])).code).toBe(0);
    const revoked = await inStore((s) => s.accounts.getTokenByHash(sha256Hex(token)));
    expect(revoked?.revokedAt).toBe(NOW.toISOString());
    expect((await users(["list"])).stdout).toContain(`revoked ${NOW.toISOString()}`);
  });
});
