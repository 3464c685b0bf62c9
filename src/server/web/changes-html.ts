// What changed between two versions of a check: a short summary on the check page after a
// refresh, and the full list (sources and report sentences) on its own page.
import type { Check } from "../../core/schema/check.js";
import { isUnchanged, type VersionDiff } from "../../records/version-diff.js";
import { shownConfidence, VERDICT_TEXT } from "../../render/labels.js";
import { html, type SafeHtml } from "./html.js";
import { checkPath } from "./paths.js";

const SECTION_NAMES = {
  summary: "Summary",
  missingContext: "Missing context",
  bias: "Misinformation/bias",
} as const;

/** " (80%)", or nothing for a label that shows no confidence (see labels.ts). */
const pct = (v: VersionDiff["verdict"]["before"]) => {
  const shown = shownConfidence(v);
  return shown ? ` (${shown})` : "";
};

function verdictLine(diff: VersionDiff): SafeHtml {
  const { before, after, labelChanged } = diff.verdict;
  const from = shownConfidence(before);
  const to = shownConfidence(after);
  return labelChanged
    ? html`Verdict: ${VERDICT_TEXT[before.label]}${pct(before)} → <strong>${VERDICT_TEXT[after.label]}</strong>${pct(after)}`
    : html`Verdict: ${VERDICT_TEXT[after.label]}, unchanged${from && to ? ` (confidence ${from} → ${to})` : ""}`;
}

function countsLine(diff: VersionDiff): SafeHtml {
  const { sources, sentences } = diff;
  const s = (n: number) => (n === 1 ? "" : "s");
  return html`Sources: ${sources.added.length} added, ${sources.removed.length} removed, ${sources.changed.length} changed, ${sources.unchanged} unchanged. Report: ${sentences.added.length} sentence${s(sentences.added.length)} added, ${sentences.removed.length} removed.`;
}

const NOTHING =
  "Nothing changed: the same verdict, the same sources with the same content, the same report.";

/** The check page's summary of the newest refresh, linking to the full list. */
export function changesSummary(check: Check, diff: VersionDiff): SafeHtml {
  const full = `${checkPath(check.id)}/changes?from=${diff.from}&to=${diff.to}`;
  return html`<section class="changes panel" id="changes" aria-labelledby="changes-h">
<h2 id="changes-h">What changed since version ${diff.from}</h2>
${
  isUnchanged(diff)
    ? html`<p>${NOTHING}</p>`
    : html`<p>${verdictLine(diff)}</p>
<p>${countsLine(diff)}</p>
<p><a href="${full}">See everything that changed</a></p>`
}
</section>`;
}

/** Every difference: verdict, sources added, removed and changed, report sentences. */
export function changesDetail(check: Check, diff: VersionDiff): SafeHtml {
  if (isUnchanged(diff)) return html`<p>${NOTHING}</p>`;
  const { sources, sentences } = diff;
  const after = (n: number | undefined) =>
    n === undefined
      ? ""
      : html`<a href="${checkPath(check.id)}?v=${diff.to}#source-${n}">[${n}]</a> `;
  return html`<p>${verdictLine(diff)}</p>
<p>${countsLine(diff)}</p>
${
  sources.added.length + sources.removed.length + sources.changed.length > 0
    ? html`<h2>Sources</h2>
<ul>
${sources.added.map((s) => html`<li><ins>Added</ins>: ${after(s.after)}${s.title}</li>`)}
${sources.removed.map((s) => html`<li><del>Removed</del>: ${s.title} (was [${s.before ?? "?"}] in version ${diff.from})</li>`)}
${sources.changed.map((s) => html`<li>Changed: ${after(s.after)}${s.title}: its text changed since version ${diff.from}</li>`)}
</ul>`
    : ""
}
${
  sentences.added.length + sentences.removed.length > 0
    ? html`<h2>Report</h2>
<ul>
${sentences.added.map((s) => html`<li><ins>Added</ins> (${SECTION_NAMES[s.section]}): <ins>${s.text}</ins></li>`)}
${sentences.removed.map((s) => html`<li><del>Removed</del> (${SECTION_NAMES[s.section]}): <del>${s.text}</del></li>`)}
</ul>
<p class="note">Citation numbers in added sentences are version ${diff.to}'s; in removed sentences, version ${diff.from}'s.</p>`
    : ""
}`;
}
