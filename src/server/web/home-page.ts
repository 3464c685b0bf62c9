// The home page: one input for a claim or question (posted as a form, or streamed live by the
// script), the options this server offers, and the most recent checks.
import type { CheckSummary } from "../../core/interfaces/check-store.js";
import { longDate, VERDICT_TEXT } from "../../render/labels.js";
import { MAX_INPUT_CHARS } from "../../text/input.js";
import { type AccountNav, csrfField } from "./account-nav.js";
import { html, type SafeHtml } from "./html.js";
import { page, shorten } from "./layout.js";
import { checkPath } from "./paths.js";
import { progressPanel } from "./progress-panel.js";

export interface HomePageView {
  /** The input to fill in (from `?q=` or a refused submission). */
  text: string;
  /** Why the last submission was refused. */
  error?: string;
  recent: CheckSummary[];
  /** Web providers configured (always searched); empty when only the corpus is. */
  webProviders: string[];
  /** Whether a language model is configured (the "use the language model" option). */
  hasModel: boolean;
  /** The options as submitted, when re-rendering a refused form. */
  options?: { web?: boolean; llm?: boolean; fresh?: boolean };
  readOnly: boolean;
  /** Why there is no form, when accounts say so (else the API-token note). */
  readOnlyNote?: string;
  account?: AccountNav;
  appVersion: string;
}

export function homePage(view: HomePageView): string {
  const body = html`<h1>Check a claim or ask a question</h1>
<p class="muted">Factually searches its sources with balanced queries, weighs what they say and writes a dated report where every sentence cites its source.</p>
${view.readOnly ? readOnlyNote(view.readOnlyNote) : checkForm(view)}
${view.readOnly ? "" : progressPanel("progress", "Checking")}
${recentChecks(view.recent)}`;
  return page({
    title: "Check a claim or ask a question",
    description:
      "Factually: a self-hosted fact-check engine that plans balanced searches, reads the sources and writes a dated, cited report.",
    version: view.appVersion,
    body,
    ...(view.account ? { account: view.account } : {}),
  });
}

function readOnlyNote(note: string | undefined): SafeHtml {
  if (note) return html`<p class="notice">${note}</p>`;
  return html`<p class="notice">This server starts checks only through its API, with its access token. The checks below can be read by anyone.</p>`;
}

function checkForm(view: HomePageView): SafeHtml {
  const o = view.options ?? {};
  const checked = (on: boolean | undefined) => (on ? html` checked` : "");
  return html`<form class="check-form" method="post" action="/check" data-stream="/api/checks" data-progress="progress" data-done="/check/{id}">
${csrfField(view.account?.csrf)}
${view.error ? html`<div class="notice error" id="input-error" role="alert"><p>${view.error}</p></div>` : ""}
<div class="field">
<label for="text">Enter a claim or question</label>
<textarea id="text" name="text" rows="3" required maxlength="${MAX_INPUT_CHARS}"${view.error ? html` aria-invalid="true" aria-describedby="input-error"` : ""}>${view.text}</textarea>
</div>
<fieldset class="options">
<legend>Options</legend>
${
  view.webProviders.length === 0
    ? html`<label><input type="checkbox" name="web" value="1"${checked(o.web)}> Search the web too</label>`
    : html`<p class="note">This server also searches the web (${view.webProviders.join(", ")}).</p>`
}
${
  view.hasModel
    ? html`<input type="hidden" name="llm" value="0"><label><input type="checkbox" name="llm" value="1"${checked(o.llm ?? true)}> Use the language model</label>`
    : ""
}
<label><input type="checkbox" name="fresh" value="1"${checked(o.fresh)}> Check again even if checked recently</label>
</fieldset>
<button type="submit">Check it</button>
</form>`;
}

function recentChecks(recent: CheckSummary[]): SafeHtml {
  return html`<section aria-labelledby="recent-h">
<h2 id="recent-h">Recent checks</h2>
${
  recent.length === 0
    ? html`<p>No checks yet. Enter a claim or a question above.</p>`
    : html`<ul class="history">
${recent.map(
  ({
    check,
    latest,
  }) => html`<li><a class="claim" href="${checkPath(check.id)}">${shorten(check.input, 160)}</a>
<p class="meta">${VERDICT_TEXT[latest.verdict.label]} · checked on ${longDate(latest.checkedAt)}</p></li>`,
)}
</ul>
<p><a href="/checks">All checks</a></p>`
}
</section>`;
}
