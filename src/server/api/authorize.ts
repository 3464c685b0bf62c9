// Who may call an API write. Without accounts, as before: the FACTUALLY_API_TOKEN check (when
// set) then the cross-site rule. With accounts, by the operation's role (operations.ts): the
// service token may do everything; a user's API token as far as their role allows; a session
// (the page script's fetches) also needs the cross-site rule and its CSRF token in a header.
import type { MiddlewareHandler } from "hono";
import type { Role } from "../../core/interfaces/account-store.js";
import { csrfMatches, principalOf, roleAllows, roleOf } from "../accounts/principal.js";
import { isCrossSite, type OwnOrigins } from "../cross-site.js";
import { apiError } from "./api-errors.js";

/** The header the page script sends a session's CSRF token in. */
export const CSRF_HEADER = "X-CSRF-Token";

export function authorizeWrite(
  role: Role | undefined,
  open: { token: MiddlewareHandler; sameSite: MiddlewareHandler },
  own: OwnOrigins,
): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c);
    if (principal.kind === "open") {
      let refused: Response | undefined;
      const unauthorized = await open.token(c, async () => {
        refused = (await open.sameSite(c, next)) ?? undefined;
      });
      return unauthorized ?? refused;
    }
    if (principal.kind === "anonymous" || principal.kind === "bad-token") {
      return apiError(
        c,
        "UNAUTHORIZED",
        principal.kind === "bad-token"
          ? "the API token is not valid here: unknown, revoked, or its user is disabled"
          : "this request needs an account: send Authorization: Bearer <token> (factually users token), or sign in at /login",
        { "WWW-Authenticate": 'Bearer realm="factually"' },
      );
    }
    if (principal.kind === "user" && principal.via === "session") {
      if (isCrossSite(c, own)) {
        return apiError(
          c,
          "FORBIDDEN",
          "this request was sent by a page on another site, so it was refused",
        );
      }
      if (!csrfMatches(principal, c.req.header(CSRF_HEADER))) {
        return apiError(
          c,
          "FORBIDDEN",
          `a signed-in browser's write needs the page's CSRF token in the ${CSRF_HEADER} header; reload the page and try again`,
        );
      }
    }
    const has = roleOf(principal);
    if (role && (!has || !roleAllows(has, role))) {
      return apiError(
        c,
        "FORBIDDEN",
        `this needs the ${role} role or higher; ${principal.kind === "user" ? principal.user.email : "you"} ${has ? `has ${has}` : "has none"}`,
      );
    }
    return next();
  };
}
