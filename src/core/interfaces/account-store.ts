// People who may use a deployment (accounts are opt-in: none stored means an open service),
// their browser sessions and their API tokens. Secrets are never stored: only their hashes.

/** viewer reads; checker also runs, refreshes, rates and cancels checks; admin everything. */
export type Role = "viewer" | "checker" | "admin";

export const ROLES: readonly Role[] = ["viewer", "checker", "admin"];

export interface User {
  /** Normalised to lower case; the user's key. */
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** A user with the stored password hash (`scrypt$N$r$p$salt$hash`, see server/accounts). */
export interface UserWithPassword extends User {
  passwordHash: string;
}

/** A browser session; the cookie holds a random token, the store only its SHA-256. */
export interface Session {
  /** SHA-256 (hex) of the session token. */
  idHash: string;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, whatever the activity. */
  expiresAt: string;
}

/** A per-user API token; the token itself is shown once, the store keeps its SHA-256. */
export interface ApiToken {
  id: string;
  email: string;
  /** SHA-256 (hex) of the token. */
  hash: string;
  label: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface AccountStore {
  /** Adds a user; CONFLICT when the email is taken. */
  addUser(user: UserWithPassword): Promise<void>;
  getUser(email: string): Promise<UserWithPassword | undefined>;
  /** Every user, by email. */
  listUsers(): Promise<User[]>;
  /** How many users exist (disabled ones too): accounts are on when there is at least one. */
  countUsers(): Promise<number>;
  /** False when there is no such user. */
  setDisabled(email: string, disabled: boolean): Promise<boolean>;
  /** False when there is no such user. */
  setPassword(email: string, passwordHash: string): Promise<boolean>;

  addSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | undefined>;
  /** Records activity (for the idle expiry). */
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (password reset, disabling); how many there were. */
  deleteSessionsOf(email: string): Promise<number>;

  addToken(token: ApiToken): Promise<void>;
  /** The token with this hash, revoked or not. */
  getTokenByHash(hash: string): Promise<ApiToken | undefined>;
  /** A user's tokens, oldest first. */
  listTokens(email: string): Promise<ApiToken[]>;
  touchToken(id: string, lastUsedAt: string): Promise<void>;
  /** False when there is no such token or it was already revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;
}
