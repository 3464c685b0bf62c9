// The pages shown when something cannot be shown: not found, refused, or a fault (never with a
// stack trace).
import { html } from "./html.js";
import { page } from "./layout.js";

export interface ErrorPageView {
  status: number;
  title: string;
  message: string;
  appVersion: string;
}

export function errorPage(view: ErrorPageView): string {
  return page({
    title: view.title,
    version: view.appVersion,
    body: html`<h1>${view.title}</h1>
<div class="notice error" role="alert"><p>${view.message}</p></div>
<p><a href="/">Check a claim or ask a question</a> · <a href="/checks">All checks</a></p>
<p class="muted">HTTP ${view.status}</p>`,
  });
}

/** The 404 page for an address that names nothing. */
export function notFoundPage(appVersion: string, message?: string): string {
  return errorPage({
    status: 404,
    title: "Page not found",
    message: message ?? "There is nothing at this address. It may have been mistyped.",
    appVersion,
  });
}
