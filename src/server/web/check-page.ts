// The check page, in the fact-check page's (docs/how-a-check-works.md) order and wording: the input, the date, the
// disclaimer, the searches, the sources found, the outdated notice, the helpful question, the
// verdict, the three sections, the sources and the follow-up questions.
import type { Publisher } from "../../config/config.js";
import type { StoredCheck } from "../../core/interfaces/check-store.js";
import type { Check, CheckVersion } from "../../core/schema/check.js";
import { MAX_COMMENT_CHARS } from "../../core/schema/check.js";
import { searchedTheWeb } from "../../records/searched-web.js";
import type { VersionDiff } from "../../records/version-diff.js";
import {
  HELPFUL_QUESTION,
  longDate,
  queryFound,
  STALE_NOTICE,
  shownConfidence,
  statementVerdictText,
  tallyText,
  unsearchedNotice,
  VERDICT_TEXT,
} from "../../render/labels.js";
import { modelUseSummary } from "../../render/model-use.js";
import { type AccountNav, csrfField } from "./account-nav.js";
import { balanceFigure } from "./balance-html.js";
import { changesSummary } from "./changes-html.js";
import { checkDescription, checkHead } from "./check-head.js";
import { html, type SafeHtml } from "./html.js";
import { page, shorten } from "./layout.js";
import { apiCheckPath, askPath, checkPath, versionPath } from "./paths.js";
import { progressPanel } from "./progress-panel.js";
import { reportSections, sourceLists } from "./report-html.js";

export interface CheckPageView {
  stored: StoredCheck;
  version: CheckVersion;
  stale: boolean;
  /** From the previous version to this one, shown on the newest version after a refresh. */
  diff?: VersionDiff;
  /** A new version of this check is being made right now. */
  running: boolean;
  /** The last attempt at a new version failed: why and when. */
  failure?: { reason: string; at: string };
  /** No forms: the server takes writes only with its API token. */
  readOnly: boolean;
  /** Set after a rating was stored (the redirect says so), or when it was refused. */
  feedback?: { message: string; error: boolean; comment?: string };
  publisher?: Publisher;
  baseUrl?: string;
  account?: AccountNav;
  appVersion: string;
}

/** What could not be searched, before anything else on the page. */
function unsearchedHtml(version: CheckVersion): SafeHtml | "" {
  const notice = unsearchedNotice(version);
  return notice ? html`<p class="notice unsearched" role="status">${notice}</p>` : "";
}

export function checkPage(view: CheckPageView): string {
  const { stored, version } = view;
  const check = stored.check;
  const latestN = stored.versions.at(-1)?.n ?? version.n;
  const body = html`<article class="check" aria-labelledby="claim">
<h1 id="claim">${check.input}</h1>
<p class="checked-on">Checked on <time datetime="${version.checkedAt}">${longDate(version.checkedAt)}</time></p>
${unsearchedHtml(version)}${versionNav(stored, version.n, latestN)}
<p class="disclaimer">Disclaimer: ${version.report.disclaimer} <a href="/about">Learn more</a>.</p>
<p class="meta-label">Searched for:</p>
<ul class="queries">
${version.plan.queries.map((q) => html`<li>“${q.text}” <span class="intent">(${q.intent})</span>${queryFoundHtml(version, q.text)}</li>`)}
</ul>
<p class="found">${foundSources(version)}</p>
${notices(view, latestN)}
${view.diff && version.n === latestN ? changesSummary(check, view.diff) : ""}
${feedbackSection(view)}
${verdictSection(check, version)}
${reportSections(version)}
${sourceLists(version)}
${relatedSection(view)}
${
  version.notes.length > 0
    ? html`<section class="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2>
<ul>${version.notes.map((n) => html`<li>${n}</li>`)}</ul></section>`
    : ""
}
${recordLine(view, latestN)}
</article>`;
  return page({
    title: shorten(check.input, 80),
    description: checkDescription(version),
    head: checkHead(check, version, {
      latestN,
      ...(view.publisher ? { publisher: view.publisher } : {}),
      ...(view.baseUrl ? { baseUrl: view.baseUrl } : {}),
    }),
    version: view.appVersion,
    ...(view.account ? { account: view.account } : {}),
    body,
  });
}

/** "Version 2 of 3": links to every version, the current one marked. */
function versionNav(stored: StoredCheck, n: number, latestN: number): SafeHtml {
  if (stored.versions.length < 2) return html``;
  const id = stored.check.id;
  return html`<nav class="versions" aria-label="Versions">Version ${n} of ${stored.versions.length}:
<ul>
${stored.versions.map(
  (v) =>
    html`<li><a href="${versionPath(id, v.n, latestN)}"${v.n === n ? html` aria-current="page"` : ""}>version ${v.n} (${longDate(v.checkedAt)})</a></li>`,
)}
</ul>
${n > 1 ? html`<a href="${checkPath(id)}/changes?from=${n - 1}&amp;to=${n}">What changed in version ${n}</a>` : ""}
</nav>`;
}

/** An older version, a run in progress, or the fact-check page's (docs/how-a-check-works.md) outdated notice. */
function notices(view: CheckPageView, latestN: number): SafeHtml {
  const { version, stored } = view;
  const id = stored.check.id;
  if (version.n !== latestN) {
    return html`<div class="notice" role="note"><p>This is version ${version.n} of ${stored.versions.length}, an earlier one. <a href="${checkPath(id)}">See the latest version</a>.</p></div>`;
  }
  if (view.running) {
    return html`<div class="notice" role="status"><p>A new version of this check is being made right now; reload this page in a moment to see it.</p></div>`;
  }
  const failed = view.failure
    ? html`<div class="notice" role="status" id="run-failed"><p>The last attempt to make a new version failed (<time datetime="${view.failure.at}">${view.failure.at.slice(0, 16).replace("T", " ")} UTC</time>): ${view.failure.reason}</p></div>`
    : html``;
  if (!view.stale) return failed;
  return html`${failed}<div class="notice" id="outdated">
<p>${STALE_NOTICE}</p>
${view.readOnly ? "" : refreshForm(id, "Refresh", view.account?.csrf)}
</div>
${view.readOnly ? "" : progressPanel("refresh-progress", "Refreshing this check")}`;
}

function refreshForm(id: string, label: string, csrf: string | undefined): SafeHtml {
  return html`<form method="post" action="${checkPath(id)}/refresh" data-stream="${apiCheckPath(id)}/refresh" data-progress="refresh-progress" data-done="/check/{id}?v={n}#changes">
${csrfField(csrf)}
<button type="submit">${label}</button>
</form>`;
}

/** "Was this fact-check helpful?" with Yes/No and an optional comment, and this version's tally. */
function feedbackSection(view: CheckPageView): SafeHtml {
  const { version, stored } = view;
  const id = stored.check.id;
  const tally = stored.versions.find((v) => v.n === version.n)?.feedback ?? {
    helpful: 0,
    notHelpful: 0,
  };
  const message = view.feedback;
  return html`<section class="feedback panel" id="feedback" aria-labelledby="feedback-h">
<h2 id="feedback-h">${HELPFUL_QUESTION}</h2>
<p class="tally">Ratings of this version: <span id="tally" data-helpful="${tally.helpful}" data-not-helpful="${tally.notHelpful}">${tallyText(tally)}</span></p>
${
  view.readOnly
    ? ""
    : html`<form method="post" action="${checkPath(id)}/feedback" data-feedback="${apiCheckPath(id)}/feedback" data-version="${version.n}" data-tally="tally">
<input type="hidden" name="v" value="${version.n}">${csrfField(view.account?.csrf)}
<div class="feedback-buttons">
<button type="submit" name="helpful" value="yes" aria-describedby="feedback-h">Yes</button>
<button type="submit" name="helpful" value="no" class="secondary" aria-describedby="feedback-h">No</button>
</div>
<details class="field"${message?.comment || message?.error ? html` open` : ""}><summary>Add a comment (optional)</summary>
<label for="comment">Comment</label>
<textarea id="comment" name="comment" rows="2" maxlength="${MAX_COMMENT_CHARS}"${message?.error ? html` aria-invalid="true" aria-describedby="feedback-message"` : ""}>${message?.comment ?? ""}</textarea></details>
<p id="feedback-message" data-message role="status">${message?.message ?? ""}</p>
</form>`
}
</section>`;
}

/** The verdict for a claim; for a question, how well the sources document an answer. */
function verdictSection(check: Check, version: CheckVersion): SafeHtml {
  const { verdict, report } = version;
  const label = VERDICT_TEXT[verdict.label];
  // No percentage when nothing settles the input: it would read as a measure of truth.
  const confidence = shownConfidence(verdict);
  const v = report.verification;
  return html`<section class="verdict verdict--${verdict.label}" aria-labelledby="verdict-h">
<h2 id="verdict-h">${check.kind === "question" ? html`Coverage: ${label}` : html`Verdict: ${label}`}</h2>
<p class="rationale">${
    confidence
      ? html`${check.kind === "question" ? "How well the sources document an answer" : "Confidence"}: ${confidence}${verdict.rationale ? html` — ${verdict.rationale}` : ""}`
      : verdict.rationale
  }</p>
${
  verdict.statement
    ? html`<p class="statement-verdict">Answer: ${statementVerdictText(verdict) ?? ""} — ${verdict.statement.rationale}</p>`
    : ""
}
${balanceFigure(verdict.balance, check.kind)}
${
  v
    ? html`<p class="verification">Verified: ${v.supported} of ${v.sentences} sentences supported by what they cite${v.dropped > 0 ? `; ${v.dropped} unsupported dropped` : ""}${v.flagged > 0 ? `; ${v.flagged} kept and marked unverified` : ""}.</p>`
    : ""
}
${modelUseSummary(version).map((line) => html`<p class="model-use">${line}</p>`)}
</section>`;
}

/** "Want to dive deeper?": each question opens the home page filled in, or checks at once. */
function relatedSection(view: CheckPageView): SafeHtml {
  const { version } = view;
  const web = searchedTheWeb(version);
  return html`<section class="related-questions" aria-labelledby="related-h">
<h2 id="related-h">Want to dive deeper?</h2>
<ul class="related">
${version.report.relatedQuestions.map(
  (q) =>
    html`<li><a href="${askPath(q)}">${q}</a>${
      view.readOnly
        ? ""
        : html`<form class="inline-form" method="post" action="/check" data-stream="/api/checks" data-progress="related-progress" data-done="/check/{id}">
<input type="hidden" name="text" value="${q}">${csrfField(view.account?.csrf)}${web ? html`<input type="hidden" name="web" value="1">` : ""}
<button type="submit" class="small secondary" aria-label="Check it: ${q}">Check it</button>
</form>`
    }</li>`,
)}
</ul>
${view.readOnly ? "" : progressPanel("related-progress", "Checking the follow-up question")}
</section>`;
}

/** Which check and version this is, with a way to check it again now. */
function recordLine(view: CheckPageView, latestN: number): SafeHtml {
  const { stored, version } = view;
  const id = stored.check.id;
  const offerRefresh = !view.readOnly && !view.running && version.n === latestN && !view.stale;
  return html`<footer class="record-line">
<p>Check <code>${id}</code> · version ${version.n} of ${stored.versions.length} · <a href="${apiCheckPath(id)}">JSON</a></p>
${offerRefresh ? html`${refreshForm(id, "Check again now", view.account?.csrf)}${progressPanel("refresh-progress", "Refreshing this check")}` : ""}
</footer>`;
}

/** " — 5 sources: [1] [3]…", each number linked to its source; nothing for older versions. */
function queryFoundHtml(version: CheckVersion, text: string): SafeHtml {
  const found = queryFound(version.plan, text);
  if (!found) return html``;
  const links = found.cites.map(
    (n) => html` <a class="cite" href="#source-${n}" aria-label="source ${n}">[${n}]</a>`,
  );
  return html` <span class="query-found">— ${found.words}${links}</span>`;
}

/** "Found 7 sources", linked to the list when there is one. */
function foundSources(version: CheckVersion): SafeHtml {
  const count = version.sources.length;
  const text = `Found ${count} source${count === 1 ? "" : "s"}`;
  if (count === 0) return html`${text}`;
  const target = version.sources.some((s) => !s.factCheck) ? "#sources" : "#prior-checks";
  return html`<a href="${target}">${text}</a>`;
}
