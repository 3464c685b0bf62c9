// The pages' form posts, which work without the script: start a check (wait for it, then
// 303 to its page), refresh one (303 to what changed), rate one (303 back to the tally).
import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { isFactuallyError } from "../../core/errors.js";
import type { Role } from "../../core/interfaces/account-store.js";
import { csrfMatches, principalOf, roleAllows } from "../accounts/principal.js";
import { type RateLimiter, refundIfRefused } from "../api/rate-limit.js";
import { clientOf } from "../client-prefix.js";
import type { ServerContext } from "../context.js";
import { isCrossSite } from "../cross-site.js";
import { toHttp } from "../http-errors.js";
import { CSRF_FIELD } from "./account-nav.js";
import { loadCheck } from "./check-view.js";
import { checkRequestOf, type FeedbackForm, feedbackOf, versionNumber } from "./forms.js";
import { NO_CHECK, type PageResponses, sentence } from "./page-responses.js";
import { checkPath, versionPath } from "./paths.js";

/** The pages' form posts and the least role each needs when the deployment has accounts. */
export const FORM_ROUTES = {
  check: { path: "/check", role: "checker" },
  refresh: { path: "/check/:id/refresh", role: "checker" },
  feedback: { path: "/check/:id/feedback", role: "checker" },
} as const satisfies Record<string, { path: string; role: Role }>;

export function addFormRoutes(app: Hono, ctx: ServerContext, pages: PageResponses): void {
  const { config } = ctx;

  /**
   * Refused when the form comes from another site; without accounts, when the server is
   * read-only (API token); with accounts, unless a signed-in user of `role` sent it (its CSRF
   * token is checked after the body limit, below).
   */
  const writable =
    (role: Role): MiddlewareHandler =>
    async (c, next) => {
      const principal = principalOf(c);
      if (principal.kind !== "open") {
        if (isCrossSite(c, { baseUrl: config.baseUrl })) {
          throw new HTTPException(403, {
            message:
              "This form was sent from another site, so it was refused. Use the form on this site.",
          });
        }
        if (principal.kind !== "user" || principal.via !== "session") {
          throw new HTTPException(401, {
            message: "Log in (at /login) to check claims, refresh checks and rate them.",
          });
        }
        if (!roleAllows(principal.user.role, role)) {
          throw new HTTPException(403, {
            message: `This needs the ${role} role; your account (${principal.user.email}) has ${principal.user.role}.`,
          });
        }
        return next();
      }
      if (pages.readOnly) {
        throw new HTTPException(403, {
          message:
            "This server takes checks and ratings only through its API, with its access token.",
        });
      }
      if (isCrossSite(c, { baseUrl: config.baseUrl })) {
        throw new HTTPException(403, {
          message:
            "This form was sent from another site, so it was refused. Use the form on this site.",
        });
      }
      await next();
    };
  /** With accounts, the form must carry its session's CSRF token (read within the body limit). */
  const csrf: MiddlewareHandler = async (c, next) => {
    const principal = principalOf(c);
    if (principal.kind === "open") return next();
    const body = await c.req.parseBody({ all: true });
    if (!csrfMatches(principal, stringField(body[CSRF_FIELD]))) {
      throw new HTTPException(403, {
        message:
          "This form had no valid session token (it may be from before you logged in again). Reload the page and send it again.",
      });
    }
    return next();
  };
  const bounded = bodyLimit({
    maxSize: config.server.maxBodyBytes,
    onError: () => {
      throw new HTTPException(413, { message: "The form is too large to accept." });
    },
  });
  const { limits } = ctx;
  /**
   * Takes `cost` from this client's budget in `limiter` (the same budgets as the API's: a client
   * cannot double one by using both doors); the message to show, with Retry-After set, when it
   * is spent. `spent` says what was used up, e.g. "started 10 checks in the last minute".
   */
  const overLimit = async (
    c: Context,
    limiter: RateLimiter,
    spent: string,
    cost?: number,
  ): Promise<string | undefined> => {
    const taken = await limiter.take(clientOf(c), cost);
    if (taken.allowed) return undefined;
    c.header("Retry-After", String(taken.retryAfterSeconds));
    return `You ${spent}; wait ${taken.retryAfterSeconds} s and try again.`;
  };
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const { checksPerMinute, refreshesPerMinute, ratingsPerMinute, commentBytesPerHour } =
    config.server;

  app.post(FORM_ROUTES.check.path, writable(FORM_ROUTES.check.role), bounded, csrf, async (c) => {
    const form = checkRequestOf(await c.req.parseBody({ all: true }));
    try {
      // Inside the try: a shared limit that cannot be reached (Redis down) is shown as a 503.
      const refused = await overLimit(
        c,
        limits.checks,
        `started ${plural(checksPerMinute, "check", "checks")} in the last minute`,
      );
      if (refused) return pages.home(c, { form, error: refused }, 429);
      const { job } = await refundIfRefused(limits.checks, clientOf(c), () =>
        ctx.checks.startCheck(form),
      );
      const result = await job.done;
      return c.redirect(checkPath(result.checkId), 303);
    } catch (error) {
      const http = toHttp(error);
      if (http.code === "INTERNAL") throw error;
      if (http.log) console.error(error);
      for (const [name, value] of Object.entries(http.headers)) c.header(name, value);
      return pages.home(c, { form, error: sentence(http.message) }, http.status);
    }
  });

  app.post(
    FORM_ROUTES.refresh.path,
    writable(FORM_ROUTES.refresh.role),
    bounded,
    csrf,
    async (c) => {
      const id = c.req.param("id");
      if (!(await loadCheck(ctx, id, undefined)).found) return pages.notFound(c, NO_CHECK);
      const refused = await overLimit(
        c,
        limits.refreshes,
        `refreshed ${plural(refreshesPerMinute, "check", "checks")} in the last minute`,
      );
      if (refused) throw new HTTPException(429, { message: refused });
      const { checkId, job } = await refundIfRefused(limits.refreshes, clientOf(c), () =>
        ctx.checks.startRefresh(id),
      );
      await job.done;
      return c.redirect(`${checkPath(checkId)}#changes`, 303);
    },
  );

  app.post(
    FORM_ROUTES.feedback.path,
    writable(FORM_ROUTES.feedback.role),
    bounded,
    csrf,
    async (c) => {
      const id = c.req.param("id");
      const body = await c.req.parseBody({ all: true });
      let form: FeedbackForm;
      try {
        form = feedbackOf(body);
      } catch (error) {
        if (!isFactuallyError(error)) throw error;
        // The check page again, with the reason beside the form and the comment kept.
        const loaded = await loadCheck(ctx, id, versionNumber(stringField(body.v)));
        if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
        const comment = stringField(body.comment);
        const note = {
          message: sentence(error.message),
          error: true,
          ...(comment ? { comment } : {}),
        };
        return pages.check(c, loaded.value, note, 400);
      }
      const loaded = await loadCheck(ctx, id, form.version);
      if (!loaded.found) return pages.notFound(c, loaded.message ?? NO_CHECK);
      const { version, latestN } = loaded.value;
      const refused = await overLimit(
        c,
        limits.ratings,
        `sent ${plural(ratingsPerMinute, "rating", "ratings")} in the last minute`,
      );
      const tooLong =
        !refused && form.comment
          ? await overLimit(
              c,
              limits.commentBytes,
              `wrote ${commentBytesPerHour} bytes of comments in the last hour`,
              Buffer.byteLength(form.comment),
            )
          : undefined;
      // Nothing is stored then, so the rating does not count against the client either.
      if (tooLong) await limits.ratings.giveBack(clientOf(c)).catch(() => {});
      if (refused || tooLong) {
        const message = refused ?? tooLong ?? "";
        const note = { message, error: true, ...(form.comment ? { comment: form.comment } : {}) };
        return pages.check(c, loaded.value, note, 429);
      }
      // One rating per client and version: a second one replaces the first.
      await ctx.engine.checks.addFeedback(
        {
          checkId: version.checkId,
          version: version.n,
          helpful: form.helpful,
          ...(form.comment ? { comment: form.comment } : {}),
          createdAt: ctx.now().toISOString(),
        },
        { rater: clientOf(c) },
      );
      const path = versionPath(version.checkId, version.n, latestN);
      return c.redirect(`${path}${path.includes("?") ? "&" : "?"}rated=1#feedback`, 303);
    },
  );
}

function stringField(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
