// Login sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie (`__Host-` and
// Secure behind https), the store keeping only its SHA-256; ended by idle time, by an absolute
// limit, by logout, or by a password reset. A session's CSRF token derives from its secret.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountStore, Session, User } from "../../core/interfaces/account-store.js";
import { newSecret, sha256Hex } from "./secrets.js";

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
  /** Behind https (FACTUALLY_BASE_URL): the cookie is Secure and `__Host-` prefixed. */
  secure: boolean;
}

/** Activity is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export function cookieName(settings: Pick<SessionSettings, "secure">): string {
  return settings.secure ? "__Host-factually-session" : "factually-session";
}

/** The CSRF token of a session: a hash of its secret, so it needs no storage and no other site knows it. */
export function csrfTokenOf(sessionToken: string): string {
  return sha256Hex(`factually-csrf\0${sessionToken}`);
}

/** Starts a session for `user`, ending the one `previous` names (rotation: the id always changes). */
export async function startSession(
  c: Context,
  store: AccountStore,
  user: User,
  now: Date,
  settings: SessionSettings,
): Promise<string> {
  const previous = getCookie(c, cookieName(settings));
  if (previous) await store.deleteSession(sha256Hex(previous));
  const token = newSecret();
  const at = now.toISOString();
  await store.addSession({
    idHash: sha256Hex(token),
    email: user.email,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + settings.maxHours * 3_600_000).toISOString(),
  });
  setCookie(c, cookieName(settings), token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: settings.secure,
    maxAge: settings.maxHours * 3600,
  });
  return token;
}

/** The live session the request's cookie names and its user; an expired one is deleted. */
export async function currentSession(
  c: Context,
  store: AccountStore,
  now: Date,
  settings: SessionSettings,
): Promise<{ token: string; session: Session; user: User } | undefined> {
  const token = getCookie(c, cookieName(settings));
  if (!token || token.length > 100) return undefined;
  const idHash = sha256Hex(token);
  const session = await store.getSession(idHash);
  if (!session) return undefined;
  const idleUntil = Date.parse(session.lastSeenAt) + settings.idleMinutes * 60_000;
  if (now.getTime() >= Date.parse(session.expiresAt) || now.getTime() >= idleUntil) {
    await store.deleteSession(idHash);
    return undefined;
  }
  const user = await store.getUser(session.email);
  if (!user || user.disabled) return undefined;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
    // Best effort, as for tokens: reading must not fail because activity cannot be written.
    await store.touchSession(idHash, now.toISOString()).catch(() => {});
  }
  const { passwordHash: _, ...plain } = user;
  return { token, session, user: plain };
}

/** Ends the request's session in the store and in the browser. */
export async function endSession(
  c: Context,
  store: AccountStore,
  settings: SessionSettings,
): Promise<void> {
  const token = getCookie(c, cookieName(settings));
  if (token) await store.deleteSession(sha256Hex(token));
  deleteCookie(c, cookieName(settings), { path: "/", secure: settings.secure });
}
