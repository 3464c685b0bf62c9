// Logging in and out (only when the deployment has accounts): POST /login checks the password,
// with lockout after repeated failures per email and per client, and starts a new session (a
// session id presented before is ended, never kept); POST /logout ends the session in the store.
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { User } from "../../core/interfaces/account-store.js";
import { createLoginThrottle } from "../accounts/login-throttle.js";
import { hashPassword, verifyPassword } from "../accounts/password.js";
import { csrfMatches, principalOf, sessionSettingsOf } from "../accounts/principal.js";
import { endSession, startSession } from "../accounts/sessions.js";
import { clientOf } from "../client-prefix.js";
import type { ServerContext } from "../context.js";
import { isCrossSite } from "../cross-site.js";
import { CSRF_FIELD } from "./account-nav.js";
import { loginPage } from "./login-page.js";
import type { PageResponses } from "./page-responses.js";

const WRONG = "The email or password is wrong.";

export function addAccountRoutes(app: Hono, ctx: ServerContext, pages: PageResponses): void {
  const settings = sessionSettingsOf(ctx);
  const throttle = createLoginThrottle(ctx.now);
  const store = ctx.engine.accounts;
  // Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
  const decoy = hashPassword("not a password anyone has");
  const bounded = bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw new HTTPException(413, { message: "The form is too large to accept." });
    },
  });
  const render = (c: Context, view: { email?: string; error?: string }, status = 200) =>
    pages.html(
      c,
      loginPage({ ...view, account: pages.viewerOf(c).account ?? {}, appVersion: ctx.version }),
      status,
    );
  const noAccounts = (c: Context) =>
    pages.notFound(
      c,
      "This server has no accounts: everyone may read, and the forms work without logging in.",
    );

  // Without accounts every request's principal is "open" (see accounts/principal.ts).
  const accountsOn = (c: Context) => principalOf(c).kind !== "open";

  app.get("/login", (c) => (accountsOn(c) ? render(c, {}) : noAccounts(c)));

  app.post("/login", bounded, async (c) => {
    if (!accountsOn(c)) return noAccounts(c);
    if (isCrossSite(c, { baseUrl: ctx.config.baseUrl })) {
      throw new HTTPException(403, {
        message: "This login was sent from another site, so it was refused.",
      });
    }
    const body = await c.req.parseBody();
    const email =
      typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 254) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 1024) : "";
    const keys = [`email:${email}`, `client:${clientOf(c)}`];
    const wait = throttle.waitSeconds(keys);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return render(
        c,
        { email, error: `Too many failed logins; wait ${wait} s and try again.` },
        429,
      );
    }
    const user = email ? await store.getUser(email) : undefined;
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy));
    if (!user || !matches) {
      throttle.failed(keys);
      return render(c, { email, error: WRONG }, 401);
    }
    throttle.succeeded(keys);
    if (user.disabled) {
      return render(
        c,
        { email, error: "This account is disabled; ask the server's operator." },
        403,
      );
    }
    const { passwordHash: _, ...plain }: { passwordHash: string } & User = user;
    await startSession(c, store, plain, ctx.now(), settings);
    return c.redirect("/", 303);
  });

  app.post("/logout", bounded, async (c) => {
    const principal = principalOf(c);
    if (principal.kind === "user" && principal.via === "session") {
      if (isCrossSite(c, { baseUrl: ctx.config.baseUrl })) {
        throw new HTTPException(403, {
          message: "This logout was sent from another site, so it was refused.",
        });
      }
      const body = await c.req.parseBody();
      if (
        !csrfMatches(principal, typeof body[CSRF_FIELD] === "string" ? body[CSRF_FIELD] : undefined)
      ) {
        throw new HTTPException(403, {
          message: "This form had no valid session token. Reload the page and try again.",
        });
      }
    }
    await endSession(c, store, settings);
    return c.redirect("/", 303);
  });
}
