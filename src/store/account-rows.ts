// Rows of the account tables (users, sessions, api_tokens) to values, the same in both stores.
import type {
  ApiToken,
  Role,
  Session,
  UserWithPassword,
} from "../core/interfaces/account-store.js";

export interface UserRow {
  email: string;
  role: string;
  password_hash: string;
  disabled: number | boolean;
  created_at: string;
}

export interface SessionRow {
  id_hash: string;
  email: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface TokenRow {
  id: string;
  email: string;
  hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const USER_COLUMNS = "email, role, password_hash, disabled, created_at";
export const SESSION_COLUMNS = "id_hash, email, created_at, last_seen_at, expires_at";
export const TOKEN_COLUMNS = "id, email, hash, label, created_at, last_used_at, revoked_at";

export function userOf(row: UserRow): UserWithPassword {
  return {
    email: row.email,
    role: row.role as Role,
    passwordHash: row.password_hash,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
  };
}

export function sessionOf(row: SessionRow): Session {
  return {
    idHash: row.id_hash,
    email: row.email,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export function tokenOf(row: TokenRow): ApiToken {
  return {
    id: row.id,
    email: row.email,
    hash: row.hash,
    label: row.label,
    createdAt: row.created_at,
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

/** The user without the password hash, for listings. */
export function withoutPassword({ passwordHash: _, ...user }: UserWithPassword) {
  return user;
}
