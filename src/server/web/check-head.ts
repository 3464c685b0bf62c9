// What a check page tells search engines and link previews: description, canonical address,
// Open Graph tags and (for the newest version) ClaimReview JSON-LD.
import type { Publisher } from "../../config/config.js";
import type { Check, CheckVersion } from "../../core/schema/check.js";
import { jsonLdScriptText, renderClaimReview } from "../../render/claimreview.js";
import { VERDICT_TEXT } from "../../render/labels.js";
import { clean } from "../../render/text.js";
import { html, raw, type SafeHtml } from "./html.js";
import { shorten } from "./layout.js";
import { versionPath } from "./paths.js";

export interface CheckHeadOptions {
  publisher?: Publisher;
  baseUrl?: string;
  latestN: number;
}

/** The verdict and the summary's first sentence, without citation markers. */
export function checkDescription(version: CheckVersion): string {
  const first = version.report.summary[0];
  const sentence = first?.sentences?.[0]?.text ?? first?.text ?? version.verdict.rationale;
  const plain = clean(sentence)
    .replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return shorten(`${VERDICT_TEXT[version.verdict.label]}: ${plain}`, 240);
}

export function checkHead(
  check: Check,
  version: CheckVersion,
  options: CheckHeadOptions,
): SafeHtml {
  const title = shorten(clean(check.input), 120);
  const description = checkDescription(version);
  const isLatest = version.n === options.latestN;
  const url = options.baseUrl
    ? `${options.baseUrl}${versionPath(check.id, version.n, options.latestN)}`
    : undefined;
  const review = isLatest
    ? renderClaimReview(check, version, {
        ...(options.publisher ? { publisher: options.publisher } : {}),
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      }).jsonLd
    : undefined;
  return html`${url ? html`<link rel="canonical" href="${url}">` : ""}
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:site_name" content="${options.publisher?.name ?? "Factually"}">
${url ? html`<meta property="og:url" content="${url}">` : ""}
<meta property="article:published_time" content="${version.checkedAt}">
<meta name="twitter:card" content="summary">
${
  review
    ? // jsonLdScriptText escapes <, > and & inside the JSON, so nothing can close the element.
      html`<script type="application/ld+json">${raw(jsonLdScriptText(review))}</script>`
    : ""
}`;
}
