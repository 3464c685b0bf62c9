// Users, sessions and API tokens in PostgreSQL (migration 6), as in the SQLite store.
import type { Pool } from "pg";
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

export function createPgAccounts(pool: Pool): AccountStore {
  const changed = async (sql: string, args: unknown[]) =>
    ((await pool.query(sql, args)).rowCount ?? 0) > 0;
  return {
    async addUser(user) {
      try {
        await pool.query(`INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
          user.email,
          user.role,
          user.passwordHash,
          user.disabled,
          user.createdAt,
        ]);
      } catch (error) {
        if ((error as { code?: unknown }).code !== "23505") throw error;
        throw new FactuallyError("CONFLICT", `a user ${user.email} already exists`);
      }
    },
    async getUser(email) {
      const { rows } = await pool.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE email = $1`,
        [email],
      );
      return rows[0] ? userOf(rows[0]) : undefined;
    },
    async listUsers() {
      const { rows } = await pool.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users ORDER BY email`,
      );
      return rows.map((row) => withoutPassword(userOf(row)));
    },
    async countUsers() {
      const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
      return rows[0]?.n ?? 0;
    },
    async setDisabled(email, disabled) {
      return changed("UPDATE users SET disabled = $1 WHERE email = $2", [disabled, email]);
    },
    async setPassword(email, passwordHash) {
      return changed("UPDATE users SET password_hash = $1 WHERE email = $2", [passwordHash, email]);
    },
    async addSession(s) {
      await pool.query(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
        s.idHash,
        s.email,
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
      ]);
    },
    async getSession(idHash) {
      const { rows } = await pool.query<SessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id_hash = $1`,
        [idHash],
      );
      return rows[0] ? sessionOf(rows[0]) : undefined;
    },
    async touchSession(idHash, lastSeenAt) {
      await pool.query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", [
        lastSeenAt,
        idHash,
      ]);
    },
    async deleteSession(idHash) {
      await pool.query("DELETE FROM sessions WHERE id_hash = $1", [idHash]);
    },
    async deleteSessionsOf(email) {
      return (await pool.query("DELETE FROM sessions WHERE email = $1", [email])).rowCount ?? 0;
    },
    async addToken(t) {
      await pool.query(
        `INSERT INTO api_tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [t.id, t.email, t.hash, t.label, t.createdAt, t.lastUsedAt ?? null, t.revokedAt ?? null],
      );
    },
    async getTokenByHash(hash) {
      const { rows } = await pool.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE hash = $1`,
        [hash],
      );
      return rows[0] ? tokenOf(rows[0]) : undefined;
    },
    async listTokens(email) {
      const { rows } = await pool.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE email = $1 ORDER BY created_at, id`,
        [email],
      );
      return rows.map(tokenOf);
    },
    async touchToken(id, lastUsedAt) {
      await pool.query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", [lastUsedAt, id]);
    },
    async revokeToken(id, at) {
      return changed("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [
        at,
        id,
      ]);
    },
  };
}
