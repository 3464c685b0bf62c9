// The login page: email and password (a plain form; no script needed), the reason a login was
// refused, or who is signed in with a button to log out.
import { type AccountNav, csrfField } from "./account-nav.js";
import { html } from "./html.js";
import { page } from "./layout.js";

export interface LoginPageView {
  email?: string;
  error?: string;
  account: AccountNav;
  appVersion: string;
}

export function loginPage(view: LoginPageView): string {
  const signedIn = view.account.email;
  const body = signedIn
    ? html`<h1>Signed in</h1>
<p>You are signed in as ${signedIn} (${view.account.role ?? ""}).</p>
<form method="post" action="/logout">${csrfField(view.account.csrf)}<button type="submit">Log out</button></form>`
    : html`<h1>Log in</h1>
<form class="login-form" method="post" action="/login">
${view.error ? html`<div class="notice error" id="login-error" role="alert"><p>${view.error}</p></div>` : ""}
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${view.email ?? ""}">
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${view.error ? html` aria-invalid="true" aria-describedby="login-error"` : ""}>
</div>
<button type="submit">Log in</button>
</form>
<p class="muted">Accounts are made by the server's operator (<code>factually users add</code>).</p>`;
  return page({
    title: signedIn ? "Signed in" : "Log in",
    version: view.appVersion,
    body,
    account: view.account,
  });
}
