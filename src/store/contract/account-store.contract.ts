// The behaviour every AccountStore must show: users keyed by email, sessions and API tokens
// found by the hash of their secret, revoked and ended for good; run against each store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session, UserWithPassword } from "../../core/interfaces/account-store.js";
import type { Stores } from "../../core/interfaces/stores.js";

const user = (over: Partial<UserWithPassword> = {}): UserWithPassword => ({
  email: "ada@example.org",
  role: "checker",
  passwordHash: "scrypt$32768$8$1$c2FsdA==$a2V5",
  disabled: false,
  createdAt: "2026-12-01T10:00:00.000Z",
  ...over,
});

const session = (over: Partial<Session> = {}): Session => ({
  idHash: "a".repeat(64),
  email: "ada@example.org",
  createdAt: "2026-12-01T10:00:00.000Z",
  lastSeenAt: "2026-12-01T10:00:00.000Z",
  expiresAt: "2026-12-02T10:00:00.000Z",
  ...over,
});

/** Runs the AccountStore contract on the accounts of stores made by `open`, fresh each test. */
export function describeAccountStoreContract(
  name: string,
  open: () => Promise<Stores> | Stores,
): void {
  describe(`Account store contract: ${name}`, () => {
    let store: Stores;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("starts with no users, so accounts are off", async () => {
      expect(await store.accounts.countUsers()).toBe(0);
      expect(await store.accounts.listUsers()).toEqual([]);
    });

    it("adds users, finds them with their hash and lists them without it", async () => {
      await store.accounts.addUser(user());
      await store.accounts.addUser(user({ email: "bob@example.org", role: "viewer" }));
      expect(await store.accounts.getUser("ada@example.org")).toEqual(user());
      expect(await store.accounts.countUsers()).toBe(2);
      const listed = await store.accounts.listUsers();
      expect(listed.map((u) => [u.email, u.role])).toEqual([
        ["ada@example.org", "checker"],
        ["bob@example.org", "viewer"],
      ]);
      expect(listed[0]).not.toHaveProperty("passwordHash");
      expect(await store.accounts.getUser("nobody@example.org")).toBeUndefined();
    });

    it("refuses a second user with the same email as CONFLICT", async () => {
      await store.accounts.addUser(user());
      await expect(store.accounts.addUser(user({ role: "admin" }))).rejects.toMatchObject({
        code: "CONFLICT",
      });
      expect((await store.accounts.getUser("ada@example.org"))?.role).toBe("checker");
    });

    it("disables a user and changes a password, saying when there is no such user", async () => {
      await store.accounts.addUser(user());
      expect(await store.accounts.setDisabled("ada@example.org", true)).toBe(true);
      expect(await store.accounts.setPassword("ada@example.org", "scrypt$new")).toBe(true);
      expect(await store.accounts.getUser("ada@example.org")).toMatchObject({
        disabled: true,
        passwordHash: "scrypt$new",
      });
      expect(await store.accounts.setDisabled("nobody@example.org", true)).toBe(false);
      expect(await store.accounts.setPassword("nobody@example.org", "x")).toBe(false);
    });

    it("keeps sessions by hash, records activity, and ends one or all of a user's", async () => {
      await store.accounts.addUser(user());
      await store.accounts.addSession(session());
      await store.accounts.addSession(session({ idHash: "b".repeat(64) }));
      await store.accounts.touchSession("a".repeat(64), "2026-12-01T11:00:00.000Z");
      expect(await store.accounts.getSession("a".repeat(64))).toEqual(
        session({ lastSeenAt: "2026-12-01T11:00:00.000Z" }),
      );
      await store.accounts.deleteSession("a".repeat(64));
      expect(await store.accounts.getSession("a".repeat(64))).toBeUndefined();
      expect(await store.accounts.deleteSessionsOf("ada@example.org")).toBe(1);
      expect(await store.accounts.getSession("b".repeat(64))).toBeUndefined();
    });

    it("keeps API tokens by hash, records their use and revokes them once", async () => {
      await store.accounts.addUser(user());
      const token = {
        id: "tok-1",
        email: "ada@example.org",
        hash: "c".repeat(64),
        label: "ci",
        createdAt: "2026-12-01T10:00:00.000Z",
      };
      await store.accounts.addToken(token);
      expect(await store.accounts.getTokenByHash("c".repeat(64))).toEqual(token);
      await store.accounts.touchToken("tok-1", "2026-12-01T12:00:00.000Z");
      expect(await store.accounts.revokeToken("tok-1", "2026-12-01T13:00:00.000Z")).toBe(true);
      expect(await store.accounts.revokeToken("tok-1", "2026-12-01T14:00:00.000Z")).toBe(false);
      expect(await store.accounts.revokeToken("tok-none", "2026-12-01T14:00:00.000Z")).toBe(false);
      expect(await store.accounts.listTokens("ada@example.org")).toEqual([
        {
          ...token,
          lastUsedAt: "2026-12-01T12:00:00.000Z",
          revokedAt: "2026-12-01T13:00:00.000Z",
        },
      ]);
    });
  });
}
