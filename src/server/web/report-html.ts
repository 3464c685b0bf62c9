// The report's parts as HTML: the three cited sections, the numbered sources and the earlier
// fact-checks. Citations are data: "[n]" becomes a link only when source n exists.
import type { CheckVersion } from "../../core/schema/check.js";
import type { ReportParagraph, ReportSectionName } from "../../core/schema/report.js";
import type { Source } from "../../core/schema/source.js";
import {
  PRIOR_CHECKS_TITLE,
  PROFILE_TEXT,
  retractedText,
  SECTION_TITLES,
  STANCE_TEXT,
  sourceDate,
} from "../../render/labels.js";
import { html, httpUrl, joinHtml, type SafeHtml } from "./html.js";

/** "[3]", "[1, 2]": the citation markers the writers put in sentences. */
const CITATION = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/** Sentences below this support are shown as unverified when the report does not say. */
const DEFAULT_THRESHOLD = 0.6;

/** Text with its citation markers linked to the numbered sources that exist. */
export function citedText(text: string, sources: ReadonlySet<number>): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    parts.push(html`${text.slice(last, match.index)}`);
    const numbers = (match[1] ?? "").split(/\s*,\s*/).map(Number);
    parts.push(
      joinHtml(
        numbers.map((n) =>
          sources.has(n)
            ? html`<a class="cite" href="#source-${n}" aria-label="source ${n}">[${n}]</a>`
            : html`[${n}]`,
        ),
        " ",
      ),
    );
    last = match.index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return joinHtml(parts, "");
}

/** One paragraph; a sentence its sources do not support is marked so nobody takes it as fact. */
function paragraphHtml(p: ReportParagraph, sources: ReadonlySet<number>, threshold: number) {
  if (!p.sentences) return html`<p>${citedText(p.text, sources)}</p>`;
  const sentences = p.sentences.map(
    (s) =>
      html`${citedText(s.text, sources)}${
        s.support !== undefined && s.support < threshold
          ? html` <span class="unverified">(unverified)</span>`
          : ""
      }`,
  );
  return html`<p>${joinHtml(sentences, " ")}</p>`;
}

const SECTION_IDS: Record<ReportSectionName, string> = {
  summary: "summary",
  missingContext: "missing-context",
  bias: "bias",
};

/** The three numbered sections of the fact-check page (docs/how-a-check-works.md). */
export function reportSections(version: CheckVersion): SafeHtml {
  const { report } = version;
  const sources = new Set(version.sources.map((s) => s.n));
  const threshold = report.verification?.threshold ?? DEFAULT_THRESHOLD;
  const sections = (["summary", "missingContext", "bias"] as const).map((key) => {
    const id = SECTION_IDS[key];
    const paragraphs = report[key];
    return html`<section class="report" aria-labelledby="${id}-h">
<h2 id="${id}-h">${SECTION_TITLES[key]}</h2>
${paragraphs.length === 0 ? html`<p>Nothing to report.</p>` : paragraphs.map((p) => paragraphHtml(p, sources, threshold))}
</section>`;
  });
  return joinHtml(sections, "\n");
}

/** The numbered evidence, then the earlier fact-checks as their own group. */
export function sourceLists(version: CheckVersion): SafeHtml {
  const evidence = version.sources.filter((s) => !s.factCheck);
  const prior = version.sources.filter((s) => s.factCheck);
  const parts: SafeHtml[] = [];
  if (evidence.length > 0) {
    parts.push(html`<section id="sources" aria-labelledby="sources-h">
<h2 id="sources-h">Sources</h2>
<ol class="sources">
${evidence.map((s) => sourceItem(version, s))}
</ol>
</section>`);
  }
  if (prior.length > 0) {
    parts.push(html`<section id="prior-checks" aria-labelledby="prior-checks-h">
<h2 id="prior-checks-h">${PRIOR_CHECKS_TITLE}</h2>
<ol class="sources">
${prior.map(priorCheckItem)}
</ol>
</section>`);
  }
  return joinHtml(parts, "\n");
}

function sourceItem(version: CheckVersion, source: Source): SafeHtml {
  const a = version.assessments.find((x) => x.sourceN === source.n);
  const url = httpUrl(source.url);
  const title = url
    ? html`<a href="${url}" rel="noopener noreferrer nofollow">${source.title}</a>`
    : html`${source.title}`;
  const meta = [
    source.publisher ? html`${source.publisher}` : undefined,
    html`${sourceDate(source.publishedAt)}`,
    html`${PROFILE_TEXT[source.profile]}`,
    a
      ? html`<span class="stance stance--${a.stance}">${STANCE_TEXT[a.stance]} (${Math.round(a.confidence * 100)}%)</span>`
      : undefined,
    source.retracted
      ? html`<strong class="retracted">${retractedText(source.retracted)}</strong>`
      : undefined,
  ].filter((x) => x !== undefined);
  const where = url
    ? undefined
    : (source.url ?? (source.documentId ? `corpus document ${source.documentId}` : undefined));
  return html`<li class="source" id="source-${source.n}" tabindex="-1">
<p class="source-title"><span class="source-n">[${source.n}]</span> ${title}</p>
<p class="source-meta">${joinHtml(meta, " · ")}</p>
${where ? html`<p class="source-where">${where}</p>` : ""}
${a?.quote ? html`<blockquote class="source-quote"><p>“${a.quote.replace(/\s+/g, " ").trim()}”</p></blockquote>` : ""}
${source.credibilityNote ? html`<p class="source-note">${source.credibilityNote}</p>` : ""}
</li>`;
}

function priorCheckItem(source: Source): SafeHtml {
  const fc = source.factCheck;
  if (!fc) return html``;
  const url = httpUrl(fc.url);
  const publisher = url
    ? html`<a href="${url}" rel="noopener noreferrer nofollow">${fc.publisher}</a>`
    : html`${fc.publisher}`;
  return html`<li class="source" id="source-${source.n}" tabindex="-1">
<p class="source-title"><span class="source-n">[${source.n}]</span> ${publisher} rated it “${fc.rating}”${fc.reviewedAt ? html` · ${sourceDate(fc.reviewedAt)}` : ""}</p>
${fc.claimReviewed ? html`<blockquote class="source-quote"><p>Claim reviewed: “${fc.claimReviewed}”${fc.claimant ? html` (${fc.claimant})` : ""}</p></blockquote>` : ""}
</li>`;
}
