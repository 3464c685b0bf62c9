// The words renderers show for the model's enums and dates.
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

/** Where the methodology is explained (the web pages link their own /about page). */
export const LEARN_MORE = "README.md#how-a-check-works";
