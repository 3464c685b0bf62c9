// The check as Markdown, in the fact-check page's (docs/how-a-check-works.md) order; source text is escaped so it cannot
// become links, images or HTML where the Markdown is rendered.
import type { CheckVersion } from "../core/schema/check.js";
import {
  HELPFUL_QUESTION,
  LEARN_MORE,
  longDate,
  PRIOR_CHECKS_TITLE,
  PROFILE_TEXT,
  queryFound,
  type RecordView,
  retractedText,
  SECTION_TITLES,
  STALE_NOTICE,
  STANCE_TEXT,
  shownConfidence,
  sourceDate,
  statementVerdictText,
  tallyText,
  unsearchedNotice,
  VERDICT_TEXT,
} from "./labels.js";
import { modelUseSummary } from "./model-use.js";
import { clean, paragraphText, versionLine } from "./text.js";

export function renderCheckMarkdown(
  input: string,
  version: CheckVersion,
  options: { record?: RecordView } = {},
): string {
  const { report, verdict, sources, assessments } = version;
  const unsearched = unsearchedNotice(version);
  const out: string[] = [
    `# ${md(input)}`,
    "",
    `Checked on ${longDate(version.checkedAt)}`,
    "",
    ...(unsearched ? [`**${md(unsearched)}**`, ""] : []),
    `*Disclaimer: ${md(report.disclaimer)} Learn more: ${LEARN_MORE}.*`,
    "",
    "Searched for:",
    "",
    ...version.plan.queries.map((q) => {
      const found = queryFound(version.plan, q.text);
      const cites = found?.cites.map((n) => `[[${n}]](#source-${n})`).join(" ");
      return `- "${md(q.text)}" (${q.intent})${found ? ` — ${found.words}${cites ? ` ${cites}` : ""}` : ""}`;
    }),
    "",
    `Found ${sources.length} source${sources.length === 1 ? "" : "s"}`,
  ];
  const record = options.record;
  const confidence = shownConfidence(verdict);
  if (record?.stale) out.push("", `> ${STALE_NOTICE}`);
  if (record) out.push("", `${HELPFUL_QUESTION} ${tallyText(record.feedback)}`);
  out.push(
    "",
    `**Verdict: ${VERDICT_TEXT[verdict.label]}**${confidence ? ` (confidence ${confidence})` : ""} — ${md(verdict.rationale)}`,
  );
  const statement = statementVerdictText(verdict);
  if (statement)
    out.push("", `**Answer:** ${md(statement)} — ${md(verdict.statement?.rationale ?? "")}`);
  const v = report.verification;
  if (v)
    out.push(
      "",
      `Verified: ${v.supported} of ${v.sentences} sentences supported by what they cite (${v.verifier}).`,
    );
  const modelUse = modelUseSummary(version);
  if (modelUse.length > 0) out.push("", ...modelUse.map((line) => `${md(line)}  `));
  for (const key of ["summary", "missingContext", "bias"] as const) {
    out.push("", `## ${SECTION_TITLES[key]}`, "");
    if (report[key].length === 0) out.push("Nothing to report.");
    out.push(...report[key].map((p) => `${linkCitations(md(paragraphText(p)))}\n`));
  }
  const evidence = sources.filter((s) => !s.factCheck);
  if (evidence.length > 0) {
    out.push("", "## Sources", "");
    for (const s of evidence) {
      const a = assessments.find((x) => x.sourceN === s.n);
      const title = linkTo(md(s.title), s.url);
      const meta = [
        s.publisher && md(s.publisher),
        sourceDate(s.publishedAt),
        PROFILE_TEXT[s.profile],
      ]
        .concat(a ? [`${STANCE_TEXT[a.stance]} (${Math.round(a.confidence * 100)}%)`] : [])
        .concat(s.retracted ? [`**${md(retractedText(s.retracted))}**`] : [])
        .filter(Boolean)
        .join(" · ");
      out.push(`<a id="source-${s.n}"></a>${s.n}. ${title} — ${meta}`);
      if (a?.quote) out.push(`   > ${md(a.quote.replace(/\s+/g, " "))}`);
    }
  }
  const priorChecks = sources.filter((s) => s.factCheck);
  if (priorChecks.length > 0) {
    out.push("", `## ${PRIOR_CHECKS_TITLE}`, "");
    for (const s of priorChecks) {
      const fc = s.factCheck;
      if (!fc) continue;
      const when = fc.reviewedAt ? ` (${sourceDate(fc.reviewedAt)})` : "";
      out.push(
        `<a id="source-${s.n}"></a>${s.n}. ${linkTo(md(fc.publisher), fc.url)} rated it "${md(fc.rating)}"${when}`,
      );
      if (fc.claimReviewed) out.push(`   > ${md(fc.claimReviewed)}`);
    }
  }
  out.push("", "## Want to dive deeper?", "", ...report.relatedQuestions.map((q) => `- ${md(q)}`));
  if (version.notes.length > 0)
    out.push("", "## Notes", "", ...version.notes.map((n) => `- ${md(n)}`));
  if (record) out.push("", `*${md(versionLine(record))}*`);
  return `${out.join("\n")}\n`;
}

/** A Markdown link, only to an http(s) address: a `javascript:` URL from a source stays text. */
function linkTo(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  return `[${text}](${encodeURI(url.toWellFormed()).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))})`;
}

/** "[2]" becomes a link to the numbered source (after escaping, so only our brackets match). */
function linkCitations(text: string): string {
  return text.replace(/\\\[(\d+)\\\]/g, "[[$1]](#source-$1)");
}

/** Escapes Markdown and HTML syntax in untrusted text. */
export function md(text: string): string {
  return clean(text)
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/\s*\n\s*/g, " ");
}
