// A stored check as schema.org ClaimReview JSON-LD, per Google's fact-check markup guide
// (developers.google.com/search/docs/appearance/structured-data/factcheck), with what is missing.
import type { z } from "zod";
import type { Publisher } from "../config/config.js";
import type { Check, CheckVersion } from "../core/schema/check.js";
import type { ClaimVerdictLabel, VerdictLabel } from "../core/schema/verdict.js";
import { VERDICT_TEXT } from "./labels.js";
import { clean, paragraphText } from "./text.js";

export interface ClaimReviewOptions {
  /** Who publishes the check (ClaimReview `author`). */
  publisher?: Publisher;
  /** Public address of the check pages, without a trailing slash. */
  baseUrl?: string;
}

export interface ClaimReviewExport {
  jsonLd: Record<string, unknown>;
  /** What a publisher should know: missing url/author, why a question has no rating. */
  warnings: string[];
}

type RatedLabel = Exclude<z.infer<typeof ClaimVerdictLabel>, "unverified">;

/**
 * Our claim labels on Google's 1 (false) … 5 (true) scale, which the guide asks publishers to
 * document; the words shown stay ours (`alternateName`).
 */
const TRUTH_SCALE: Record<RatedLabel, number> = {
  refuted: 1,
  misleading: 2,
  mixed: 3,
  "mostly-supported": 4,
  supported: 5,
};

/** Google: "Try to keep this less than 75 characters to minimize wrapping" on mobile. */
const CLAIM_REVIEWED_CHARS = 75;

/** ClaimReview JSON-LD for one version of a check, and what a publisher should fix or know. */
export function renderClaimReview(
  check: Check,
  version: CheckVersion,
  options: ClaimReviewOptions,
): ClaimReviewExport {
  const warnings: string[] = [];
  const claimReviewed = clean(check.input).trim();
  if (!options.baseUrl)
    warnings.push(
      "No url: Google requires the address of the fact-check page. " +
        "Set FACTUALLY_BASE_URL (or baseUrl in factually.config.json).",
    );
  if (!options.publisher)
    warnings.push(
      "No author: Google recommends naming who publishes the fact check. " +
        "Set FACTUALLY_PUBLISHER (or publisher.name in factually.config.json).",
    );
  if (claimReviewed.length > CLAIM_REVIEWED_CHARS)
    warnings.push(
      `claimReviewed is ${claimReviewed.length} characters; ` +
        `Google suggests fewer than ${CLAIM_REVIEWED_CHARS} so it does not wrap on phones.`,
    );
  const origin = check.origin ?? {};
  if (check.kind === "claim" && !origin.author && !origin.url)
    warnings.push(
      "The claim has no recorded origin (who made it or where it appeared); " +
        "Google asks that a fact check attribute the claim to a source other than your site; " +
        'record it with: factually check "<claim>" --said-by NAME --seen-at URL --said-on YYYY-MM-DD.',
    );

  const label = version.verdict.label;
  const rating = check.kind === "question" ? undefined : reviewRating(label);
  if (!rating)
    warnings.push(
      "No reviewRating: a question is not a claim that can be true or false, so " +
        `"${VERDICT_TEXT[label]}" says how well it is documented, not how true it is. ` +
        "Google requires reviewRating to show a fact check in Search: this is for the record only.",
    );
  else if (label === "unverified")
    warnings.push(
      'The rating is "Unverified" with no ratingValue: nothing found settles the claim, ' +
        "so it has no honest position on the true–false scale.",
    );

  const author = options.publisher && {
    "@type": "Organization",
    name: clean(options.publisher.name),
    ...(options.publisher.url ? { url: options.publisher.url } : {}),
  };
  const body = reviewBody(version);
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    ...(options.baseUrl ? { url: `${options.baseUrl}/check/${check.id}` } : {}),
    claimReviewed,
    datePublished: version.checkedAt.slice(0, 10),
    ...(author ? { author } : {}),
    itemReviewed: {
      "@type": "Claim",
      // ClaimOrigin holds a name only; "Person" because claims are most often someone's words
      // (Google accepts Person or Organization and needs only `name`).
      ...(origin.author ? { author: { "@type": "Person", name: clean(origin.author) } } : {}),
      ...(origin.date ? { datePublished: origin.date } : {}),
      // The recorded URL is where the claim was seen, not known to be where it first appeared,
      // so it is `appearance`; Google: "add either appearance or firstAppearance", not both.
      ...(origin.url ? { appearance: { "@type": "CreativeWork", url: origin.url } } : {}),
    },
    ...(rating ? { reviewRating: rating } : {}),
    ...(body ? { reviewBody: body } : {}),
  };
  return { jsonLd, warnings };
}

/**
 * The claim's Rating. "Unverified" gets only its name: Google requires `alternateName` and
 * only recommends the numbers, and any ratingValue would read as "more true" or "more false".
 */
function reviewRating(label: VerdictLabel): Record<string, unknown> | undefined {
  if (label === "unverified") return { "@type": "Rating", alternateName: VERDICT_TEXT[label] };
  if (!Object.hasOwn(TRUTH_SCALE, label)) return undefined; // a question's label
  return {
    "@type": "Rating",
    ratingValue: TRUTH_SCALE[label as RatedLabel],
    bestRating: 5,
    worstRating: 1,
    alternateName: VERDICT_TEXT[label],
  };
}

/** The summary's first paragraph as plain text (schema.org Review `reviewBody`), uncited. */
function reviewBody(version: CheckVersion): string | undefined {
  const first = version.report.summary[0];
  if (!first) return undefined;
  const text = clean(paragraphText(first))
    .replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}

/** JSON-LD safe to embed in an HTML `<script type="application/ld+json">` element. */
export function jsonLdScriptText(jsonLd: unknown): string {
  // Inside JSON these characters occur only in strings, where \uXXXX means the same thing; so
  // "</script>" cannot close the element and U+2028/2029 cannot break older JS parsers.
  return (JSON.stringify(jsonLd) ?? "null").replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
