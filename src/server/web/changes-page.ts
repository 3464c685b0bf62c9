// "What changed": the full difference between two versions of a check.
import type { Check, CheckVersion } from "../../core/schema/check.js";
import type { VersionDiff } from "../../records/version-diff.js";
import { longDate } from "../../render/labels.js";
import { changesDetail } from "./changes-html.js";
import { html } from "./html.js";
import { page, shorten } from "./layout.js";
import { checkPath } from "./paths.js";

export interface ChangesPageView {
  check: Check;
  from: CheckVersion;
  to: CheckVersion;
  diff: VersionDiff;
  appVersion: string;
}

export function changesPage(view: ChangesPageView): string {
  const { check, from, to, diff } = view;
  const base = checkPath(check.id);
  const body = html`<article class="changes" aria-labelledby="changes-h">
<p class="muted"><a href="${base}">${shorten(check.input, 160)}</a></p>
<h1 id="changes-h">What changed from version ${from.n} to version ${to.n}</h1>
<p class="checked-on">Version ${from.n}: checked on ${longDate(from.checkedAt)} · version ${to.n}: checked on ${longDate(to.checkedAt)}</p>
${changesDetail(check, diff)}
<p><a href="${base}?v=${from.n}">Read version ${from.n}</a> · <a href="${base}?v=${to.n}">Read version ${to.n}</a></p>
</article>`;
  return page({
    title: `What changed: ${shorten(check.input, 80)}`,
    description: `What changed in the fact-check of “${shorten(check.input, 120)}” from version ${from.n} to version ${to.n}.`,
    version: view.appVersion,
    body,
  });
}
