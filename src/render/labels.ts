// The words renderers show for the model's enums and dates.
import type { CheckVersion } from "../core/schema/check.js";
import type { QueryPlan } from "../core/schema/query-plan.js";
import type { SourceProfile } from "../core/schema/source.js";
import type { Stance } from "../core/schema/source-assessment.js";
import type { VerdictLabel } from "../core/schema/verdict.js";

export const SECTION_TITLES = {
  summary: "1. Summary of the results",
  missingContext: "2. Missing context/alternative viewpoints",
  bias: "3. Potential misinformation/bias in the original statement",
} as const;

export const VERDICT_TEXT: Record<VerdictLabel, string> = {
  supported: "Supported",
  "mostly-supported": "Mostly supported",
  mixed: "Mixed",
  misleading: "Misleading",
  refuted: "Refuted",
  unverified: "Unverified",
  documented: "Documented",
  "partly-documented": "Partly documented",
  undocumented: "Undocumented",
};

export const STANCE_TEXT: Record<Stance, string> = {
  supports: "supports",
  refutes: "refutes",
  mixed: "mixed",
  context: "context",
  irrelevant: "not relevant",
};

export const PROFILE_TEXT: Record<SourceProfile, string> = {
  official: "official",
  "press-release": "press release",
  news: "news",
  academic: "academic",
  reference: "reference",
  blog: "blog",
  social: "social media",
  unknown: "unknown publisher type",
};

// Labels that say nothing found settles the input: a percentage beside them would read as a
// measure of truth, so none is shown (the JSON keeps the number; see Verdict.confidence).
const UNSETTLED: ReadonlySet<VerdictLabel> = new Set(["unverified", "undocumented"]);

/** "80%", or undefined for a label that shows no confidence. */
export function shownConfidence(verdict: { label: VerdictLabel; confidence: number }) {
  return UNSETTLED.has(verdict.label) ? undefined : `${Math.round(verdict.confidence * 100)}%`;
}

/**
 * For a yes/no question, the verdict of the statement it asks about:
 * `"Face masks reduce the spread of COVID-19." — Mostly supported (confidence 62%)`.
 */
export function statementVerdictText(verdict: {
  statement?: { text: string; label: VerdictLabel; confidence: number } | undefined;
}): string | undefined {
  const s = verdict.statement;
  return s ? `"${s.text}" — ${verdictWithConfidence(s)}` : undefined;
}

/** "Supported (confidence 80%)", or "Unverified" alone. */
export function verdictWithConfidence(verdict: { label: VerdictLabel; confidence: number }) {
  const confidence = shownConfidence(verdict);
  return `${VERDICT_TEXT[verdict.label]}${confidence ? ` (confidence ${confidence})` : ""}`;
}

/**
 * What one search contributed, for its "Searched for:" line: "5 sources" and their numbers,
 * "12 results, none kept" or "no results"; undefined for a version that did not record it.
 */
export function queryFound(
  plan: QueryPlan,
  text: string,
): { words: string; cites: number[] } | undefined {
  const coverage = plan.coverage?.find((c) => c.text === text);
  if (!coverage) return undefined;
  const n = coverage.found.length;
  if (n > 0) return { words: n === 1 ? "1 source:" : `${n} sources:`, cites: coverage.found };
  if (coverage.hits > 0)
    return {
      words: `${coverage.hits} result${coverage.hits === 1 ? "" : "s"}, none among the sources kept`,
      cites: [],
    };
  return { words: "no results", cites: [] };
}

/** How a retracted source is marked in the source lists: `retracted, not weighed (its title…)`. */
export function retractedText(retracted: { evidence: string }): string {
  return `retracted, not weighed (${retracted.evidence})`;
}

/** "September 28, 2025", in UTC so a check reads the same everywhere. */
export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}

/** A source's date as given ("2024-05-01"), or "undated". */
export function sourceDate(publishedAt: string | undefined): string {
  return publishedAt ? publishedAt.slice(0, 10) : "undated";
}

/**
 * Where the methodology is explained, as words: an exported report travels without the
 * repository, so a relative README link would be broken, and package.json names no project
 * URL to link to instead (the web pages link their own /about page).
 */
export const LEARN_MORE = "“How a check works” in the Factually README";

/** What a stored check adds to its page: staleness, feedback, and which version this is. */
export interface RecordView {
  id: string;
  n: number;
  versionCount: number;
  stale: boolean;
  feedback: { helpful: number; notHelpful: number };
}

/** The fact-check page's notice (docs/how-a-check-works.md) for a version past its freshness window. */
export const STALE_NOTICE =
  "This fact-check may be outdated. Consider refreshing it to get the most current information.";

export const HELPFUL_QUESTION = "Was this fact-check helpful?";

/** "3 yes · 1 no", or "no ratings yet". */
export function tallyText(feedback: RecordView["feedback"]): string {
  if (feedback.helpful + feedback.notHelpful === 0) return "no ratings yet";
  return `${feedback.helpful} yes · ${feedback.notHelpful} no`;
}

/** The heading of the earlier fact-checks by other publishers, listed apart from the evidence. */
export const PRIOR_CHECKS_TITLE = "Earlier fact-checks by other publishers (listed, not weighed)";

/**
 * What could not be searched at all (a web provider with no network), said before the verdict:
 * the report rests only on what the other searches found. Undefined when every provider answered.
 */
export function unsearchedNotice(version: Pick<CheckVersion, "unsearched">): string | undefined {
  const failed = version.unsearched ?? [];
  if (failed.length === 0) return undefined;
  const reason = (f: (typeof failed)[number]) =>
    f.reason.startsWith(`${f.provider}: `) ? f.reason.slice(f.provider.length + 2) : f.reason;
  const named = (list: typeof failed) => list.map((f) => `${f.provider}: ${reason(f)}`).join("; ");
  const web = failed.filter((f) => f.provider !== "local");
  const corpus = failed.filter((f) => f.provider === "local");
  const parts: string[] = [];
  if (web.length > 0) parts.push(`The web could not be searched (${named(web)}).`);
  if (corpus.length > 0) parts.push(`The corpus could not be searched (${named(corpus)}).`);
  parts.push("What those searches would have found is missing from this check.");
  return parts.join(" ");
}
