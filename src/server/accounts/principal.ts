// Who sent a request, worked out once per request before any route: nobody in particular when
// the deployment has no accounts (`open`, everything as before accounts existed), else the
// service's own FACTUALLY_API_TOKEN, a user by API token or by session, or an anonymous reader.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Role, User } from "../../core/interfaces/account-store.js";
import type { ServerContext } from "../context.js";
import { sha256Hex } from "./secrets.js";
import { csrfTokenOf as csrfOf, currentSession, type SessionSettings } from "./sessions.js";

export type Principal =
  | { kind: "open" }
  | { kind: "anonymous" }
  /** An `Authorization: Bearer` that is no valid token (unknown, revoked, user disabled). */
  | { kind: "bad-token" }
  /** FACTUALLY_API_TOKEN: the operator's own key, allowed everything. */
  | { kind: "service" }
  | { kind: "user"; user: User; via: "token" }
  | { kind: "user"; user: User; via: "session"; csrf: string; sessionToken: string };

declare module "hono" {
  interface ContextVariableMap {
    principal: Principal;
  }
}

const RANK: Record<Role, number> = { viewer: 0, checker: 1, admin: 2 };

/** Whether `role` includes what `needed` may do (admin ⊇ checker ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The role of the request, for deciding a route: the service token counts as admin. */
export function roleOf(principal: Principal): Role | undefined {
  if (principal.kind === "service") return "admin";
  return principal.kind === "user" ? principal.user.role : undefined;
}

export function principalOf(c: Context): Principal {
  return c.get("principal") ?? { kind: "open" };
}

export function sessionSettingsOf(ctx: ServerContext): SessionSettings {
  return {
    idleMinutes: ctx.config.server.sessionIdleMinutes,
    maxHours: ctx.config.server.sessionMaxHours,
    secure: ctx.config.baseUrl?.startsWith("https:") === true,
  };
}

/**
 * Accounts are on once a user exists; that is remembered (users are disabled, never deleted),
 * so a deployment with accounts never asks again. One without asks the store at most once a
 * second, so a user added with `factually users add` counts within a second. A store that
 * cannot answer leaves them as they were: requests then meet the store's own error where they
 * need it (e.g. /api/ready's 503).
 */
export function accountsSwitch(ctx: ServerContext): () => Promise<boolean> {
  let on = false;
  let askedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    if (on) return true;
    // The process's own clock, not the server's (tests move that by days).
    if (performance.now() - askedAt < ASK_EVERY_MS) return false;
    askedAt = performance.now();
    try {
      on = (await ctx.engine.accounts.countUsers()) > 0;
    } catch {
      askedAt = Number.NEGATIVE_INFINITY;
    }
    return on;
  };
}

const ASK_EVERY_MS = 1000;

/** Middleware setting the request's principal (see Principal). */
export function identify(ctx: ServerContext): MiddlewareHandler {
  const accountsOn = accountsSwitch(ctx);
  const settings = sessionSettingsOf(ctx);
  const service = ctx.config.server.apiToken;
  const serviceDigest = service ? digest(service) : undefined;
  return async (c, next) => {
    if (!(await accountsOn())) {
      c.set("principal", { kind: "open" });
      return next();
    }
    const store = ctx.engine.accounts;
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (bearer !== undefined) {
      if (serviceDigest && timingSafeEqual(digest(bearer), serviceDigest)) {
        c.set("principal", { kind: "service" });
        return next();
      }
      const token =
        bearer.length <= 100 ? await store.getTokenByHash(sha256Hex(bearer)) : undefined;
      const user = token && !token.revokedAt ? await store.getUser(token.email) : undefined;
      if (!token || !user || user.disabled) {
        c.set("principal", { kind: "bad-token" });
        return next();
      }
      // Best effort: a store that cannot be written (read-only media) still answers the request.
      await store.touchToken(token.id, ctx.now().toISOString()).catch(() => {});
      const { passwordHash: _, ...plain } = user;
      c.set("principal", { kind: "user", user: plain, via: "token" });
      return next();
    }
    const live = await currentSession(c, store, ctx.now(), settings);
    c.set(
      "principal",
      live
        ? {
            kind: "user",
            user: live.user,
            via: "session",
            csrf: csrfOf(live.token),
            sessionToken: live.token,
          }
        : { kind: "anonymous" },
    );
    return next();
  };
}

/** Whether `given` is the session's CSRF token (constant time). */
export function csrfMatches(principal: Principal, given: string | undefined): boolean {
  if (principal.kind !== "user" || principal.via !== "session" || given === undefined) return false;
  return timingSafeEqual(digest(given), digest(principal.csrf));
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
