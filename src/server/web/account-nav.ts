// What the pages show of accounts (only when the deployment has them): who is signed in with a
// "Log out" button, or a "Log in" link; and the session's CSRF token, as a hidden field in each
// form and as a meta tag the page script sends back in a header.
import { html, type SafeHtml } from "./html.js";

/** The signed-in user, if any; present only when the deployment has accounts. */
export interface AccountNav {
  email?: string;
  role?: string;
  /** The session's CSRF token. */
  csrf?: string;
}

/** The hidden field a form posts its CSRF token in (see form-routes.ts). */
export const CSRF_FIELD = "csrf";

export function csrfField(csrf: string | undefined): SafeHtml | "" {
  return csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : "";
}

export function csrfMeta(account: AccountNav | undefined): SafeHtml | "" {
  return account?.csrf ? html`<meta name="csrf-token" content="${account.csrf}">` : "";
}

export function accountNav(account: AccountNav | undefined): SafeHtml | "" {
  if (!account) return "";
  if (!account.email) return html`<a href="/login">Log in</a>`;
  return html`<span class="account">Signed in as ${account.email} (${account.role ?? ""})</span>
<form class="inline-form" method="post" action="/logout">${csrfField(account.csrf)}<button type="submit" class="small secondary">Log out</button></form>`;
}
