// Every stored check, most recently checked first, a page at a time: the verdict, the date,
// whether it may be outdated, and how readers rated it.
import type { CheckSummary } from "../../core/interfaces/check-store.js";
import type { VerdictChange } from "../../records/verdict-change.js";
import { longDate, shownConfidence, tallyText, VERDICT_TEXT } from "../../render/labels.js";
import { html } from "./html.js";
import { page, shorten } from "./layout.js";
import { checkPath, uriComponent } from "./paths.js";

export interface HistoryLine extends CheckSummary {
  stale: boolean;
  /** The verdict changed since this browser's last visit: what it was then, what it is now. */
  changedSinceLastLook?: VerdictChange;
}

export interface HistoryPageView {
  lines: HistoryLine[];
  nextCursor?: string;
  /** Whether this is a later page (so "newest" is offered). */
  paged: boolean;
  /** This browser's last visit, which changed verdicts are marked against; absent on a first. */
  lookedAt?: string;
  appVersion: string;
}

export function historyPage(view: HistoryPageView): string {
  const changed = view.lines.filter((line) => line.changedSinceLastLook).length;
  const body = html`<h1>All checks</h1>
${
  changed > 0 && view.lookedAt
    ? html`<p class="changed-summary">${changed === 1 ? "1 check" : `${changed} checks`} changed verdict since your last visit on <time datetime="${view.lookedAt}">${longDate(view.lookedAt)}</time>.</p>`
    : ""
}
${
  view.lines.length === 0
    ? html`<p>No checks ${view.paged ? "on this page" : "yet"}. <a href="/">Check a claim or ask a question</a>.</p>`
    : html`<ul class="history">
${view.lines.map(
  ({
    check,
    latest,
    versionCount,
    stale,
    changedSinceLastLook: change,
  }) => html`<li${change ? html` class="changed"` : ""}>
<a class="claim" href="${checkPath(check.id)}">${shorten(check.input, 200)}</a>
${change ? html`<p class="verdict-change"><strong>Verdict changed since your last visit:</strong> ${VERDICT_TEXT[change.from.label]} → ${VERDICT_TEXT[change.to.label]}</p>` : ""}
<p class="meta">${VERDICT_TEXT[latest.verdict.label]}${shownConfidence(latest.verdict) ? ` (${shownConfidence(latest.verdict)})` : ""} · checked on <time datetime="${latest.checkedAt}">${longDate(latest.checkedAt)}</time>${stale ? html` · <span class="stale-flag">may be outdated</span>` : ""} · ${versionCount === 1 ? "1 version" : `${versionCount} versions`} · helpful: ${tallyText(latest.feedback)}</p>
</li>`,
)}
</ul>`
}
<nav class="pager" aria-label="Pages">
${view.paged ? html`<a href="/checks">Newest checks</a>` : ""}
${view.nextCursor ? html` <a href="/checks?cursor=${uriComponent(view.nextCursor)}" rel="next">Older checks</a>` : ""}
</nav>`;
  return page({
    title: "All checks",
    description: "Every claim and question checked on this Factually server.",
    version: view.appVersion,
    body,
  });
}
