// The check as plain text, in the fact-check page's (docs/how-a-check-works.md) order and wording.
import type { CheckVersion } from "../core/schema/check.js";
import type { ReportParagraph } from "../core/schema/report.js";
import { displayText } from "../text/display-text.js";
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
  sourceDate,
  statementVerdictText,
  tallyText,
  unsearchedNotice,
  verdictWithConfidence,
} from "./labels.js";
import { modelUseSummary, modelUseTable } from "./model-use.js";

export interface TextRenderOptions {
  /** Wrap quotes and headings for a terminal; plain when false. */
  bold?: (text: string) => string;
  /** For a stored check: the outdated notice, the helpful tally and the version line. */
  record?: RecordView;
  /** Add the per-stage model use table (calls, tokens, cost, time). */
  verbose?: boolean;
}

/** What could not be searched, first, in the terminal's own paragraph. */
function noticeLines(version: CheckVersion): string[] {
  const notice = unsearchedNotice(version);
  return notice ? ["", clean(notice), ""] : [];
}

/** The whole check: title, date, disclaimer, searches, sources, sections, questions. */
export function renderCheckText(
  input: string,
  version: CheckVersion,
  options: TextRenderOptions = {},
): string {
  const bold = options.bold ?? ((s: string) => s);
  const { report, verdict, sources, assessments } = version;
  const lines: string[] = [
    bold(clean(input)),
    "",
    `Checked on ${longDate(version.checkedAt)}`,
    ...noticeLines(version),
    `Disclaimer: ${report.disclaimer} Learn more: ${LEARN_MORE}.`,
    "Searched for:",
    ...version.plan.queries.map((q) => {
      const found = queryFound(version.plan, q.text);
      const cites = found?.cites.map((n) => `[${n}]`).join(" ");
      return `"${clean(q.text)}"${found ? ` — ${found.words}${cites ? ` ${cites}` : ""}` : ""}`;
    }),
    `Found ${sources.length} source${sources.length === 1 ? "" : "s"}`,
  ];
  const record = options.record;
  if (record?.stale) lines.push("", STALE_NOTICE, `Refresh it: factually refresh ${record.id}`);
  if (record) {
    lines.push(
      "",
      `${HELPFUL_QUESTION} ${tallyText(record.feedback)} — rate it: factually feedback ${record.id} --helpful yes|no`,
    );
  }
  lines.push(
    "",
    `${bold("Verdict:")} ${verdictWithConfidence(verdict)} — ${clean(verdict.rationale)}`,
  );
  const statement = statementVerdictText(verdict);
  if (statement)
    lines.push(
      `${bold("Answer:")} ${clean(statement)} — ${clean(verdict.statement?.rationale ?? "")}`,
    );
  const v = report.verification;
  if (v) {
    lines.push(
      `Verified: ${v.supported} of ${v.sentences} sentences supported by what they cite` +
        (v.dropped > 0 ? `; ${v.dropped} unsupported dropped` : "") +
        (v.flagged > 0 ? `; ${v.flagged} kept and flagged` : "") +
        ` (${v.verifier})`,
    );
  }
  lines.push(...modelUseSummary(version).map(clean));
  for (const key of ["summary", "missingContext", "bias"] as const) {
    lines.push("", bold(SECTION_TITLES[key]), "");
    const paragraphs = report[key];
    if (paragraphs.length === 0) lines.push("Nothing to report.");
    paragraphs.forEach((p, i) => {
      if (i > 0) lines.push("");
      lines.push(clean(paragraphText(p)));
    });
  }
  const evidence = sources.filter((s) => !s.factCheck);
  const priorChecks = sources.filter((s) => s.factCheck);
  if (evidence.length > 0) {
    lines.push("", bold("Sources"));
    for (const source of evidence) {
      const a = assessments.find((x) => x.sourceN === source.n);
      const meta = [
        source.publisher,
        sourceDate(source.publishedAt),
        PROFILE_TEXT[source.profile],
        a ? `${STANCE_TEXT[a.stance]} (${Math.round(a.confidence * 100)}%)` : undefined,
        source.retracted ? retractedText(source.retracted).toUpperCase() : undefined,
      ].filter((x) => x !== undefined);
      lines.push(`[${source.n}] ${clean(source.title)}`);
      lines.push(`    ${clean(meta.join(" · "))}`);
      lines.push(`    ${clean(source.url ?? `corpus: ${source.documentId ?? ""}`)}`);
      if (a?.quote) lines.push(`    "${oneLine(a.quote)}"`);
    }
  }
  if (priorChecks.length > 0) {
    lines.push("", bold(PRIOR_CHECKS_TITLE));
    for (const source of priorChecks) {
      const fc = source.factCheck;
      if (!fc) continue;
      lines.push(
        `[${source.n}] ${clean(fc.publisher)} rated it "${clean(fc.rating)}"${fc.reviewedAt ? ` · ${sourceDate(fc.reviewedAt)}` : ""}`,
      );
      if (fc.claimReviewed) {
        lines.push(
          `    claim reviewed: "${oneLine(fc.claimReviewed)}"${fc.claimant ? ` (${clean(fc.claimant)})` : ""}`,
        );
      }
      lines.push(`    ${clean(fc.url)}`);
    }
  }
  lines.push("", bold("Want to dive deeper?"), ...report.relatedQuestions.map(clean));
  if (version.notes.length > 0)
    lines.push("", "Notes:", ...version.notes.map((n) => `- ${clean(n)}`));
  if (options.verbose) lines.push("", ...modelUseTable(version).map(clean));
  if (record) lines.push("", versionLine(record));
  return lines.join("\n");
}

/** "Check masks-reduce-1a2b3c4d · version 2 of 3", with how to see the others. */
export function versionLine(record: RecordView): string {
  const of = `version ${record.n} of ${record.versionCount}`;
  return record.versionCount > 1
    ? `Check ${record.id} · ${of} (others: factually show ${record.id} --version N)`
    : `Check ${record.id} · ${of}`;
}

/** A paragraph's text; flagged (unsupported) sentences are marked so nobody takes them as fact. */
export function paragraphText(p: ReportParagraph, threshold = 0.6): string {
  if (!p.sentences) return p.text;
  return p.sentences
    .map((s) =>
      s.support !== undefined && s.support < threshold ? `${s.text} (unverified)` : s.text,
    )
    .join(" ");
}

function oneLine(text: string): string {
  const flat = clean(text).replace(/\s+/g, " ").trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}

/**
 * Untrusted text without control characters: a document cannot move the cursor, recolour or
 * retitle the user's terminal with escape sequences, nor reorder or hide what is shown (bidi
 * controls, invisible characters: see displayText).
 */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return displayText(text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ""));
}
