// Users, sessions and API tokens in the embedded store (migration 6).
import type Database from "better-sqlite3";
import { FactuallyError } from "../../core/errors.js";
import type { AccountStore } from "../../core/interfaces/account-store.js";
import {
  SESSION_COLUMNS,
  type SessionRow,
  sessionOf,
  TOKEN_COLUMNS,
  type TokenRow,
  tokenOf,
  USER_COLUMNS,
  type UserRow,
  userOf,
  withoutPassword,
} from "../account-rows.js";
import { isSqliteCode } from "./sqlite-errors.js";

export function createSqliteAccounts(db: Database.Database): AccountStore {
  const changed = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args).changes > 0;
  return {
    async addUser(user) {
      try {
        db.prepare(`INSERT INTO users (${USER_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(
          user.email,
          user.role,
          user.passwordHash,
          user.disabled ? 1 : 0,
          user.createdAt,
        );
      } catch (error) {
        if (!isSqliteCode(error, "SQLITE_CONSTRAINT_PRIMARYKEY")) throw error;
        throw new FactuallyError("CONFLICT", `a user ${user.email} already exists`);
      }
    },
    async getUser(email) {
      const row = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`).get(email);
      return row ? userOf(row as UserRow) : undefined;
    },
    async listUsers() {
      const rows = db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`).all();
      return (rows as UserRow[]).map((row) => withoutPassword(userOf(row)));
    },
    async countUsers() {
      return (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
    },
    async setDisabled(email, disabled) {
      return changed("UPDATE users SET disabled = ? WHERE email = ?", disabled ? 1 : 0, email);
    },
    async setPassword(email, passwordHash) {
      return changed("UPDATE users SET password_hash = ? WHERE email = ?", passwordHash, email);
    },
    async addSession(s) {
      db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(
        s.idHash,
        s.email,
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
      );
    },
    async getSession(idHash) {
      const row = db
        .prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id_hash = ?`)
        .get(idHash);
      return row ? sessionOf(row as SessionRow) : undefined;
    },
    async touchSession(idHash, lastSeenAt) {
      db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(lastSeenAt, idHash);
    },
    async deleteSession(idHash) {
      db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
    },
    async deleteSessionsOf(email) {
      return db.prepare("DELETE FROM sessions WHERE email = ?").run(email).changes;
    },
    async addToken(t) {
      db.prepare(`INSERT INTO api_tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        t.id,
        t.email,
        t.hash,
        t.label,
        t.createdAt,
        t.lastUsedAt ?? null,
        t.revokedAt ?? null,
      );
    },
    async getTokenByHash(hash) {
      const row = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE hash = ?`).get(hash);
      return row ? tokenOf(row as TokenRow) : undefined;
    },
    async listTokens(email) {
      const rows = db
        .prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE email = ? ORDER BY created_at, id`)
        .all(email);
      return (rows as TokenRow[]).map(tokenOf);
    },
    async touchToken(id, lastUsedAt) {
      db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(lastUsedAt, id);
    },
    async revokeToken(id, at) {
      return changed(
        "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        at,
        id,
      );
    },
  };
}
