// The evidence at a glance: a bar of how many sources support, contradict, are mixed or give
// context, and beside it the same counts in words (the bar is drawn; the words are what is read).
// An SVG with attributes, not inline styles: the pages' CSP allows no `style` attribute.
import type { Claim } from "../../core/schema/claim.js";
import type { EvidenceBalance } from "../../core/schema/evidence-balance.js";
import { stanceParts } from "../../text/balance-words.js";
import { html, type SafeHtml } from "./html.js";

/** The figure for a version's balance; nothing when no source bears on the input. */
export function balanceFigure(balance: EvidenceBalance | undefined, kind: Claim["kind"]): SafeHtml {
  if (!balance || balance.total.sources === 0) return html``;
  const parts = stanceParts(balance, kind);
  const total = parts.reduce((sum, p) => sum + p.count.sources, 0);
  let x = 0;
  const segments = parts.map((p) => {
    const width = (100 * p.count.sources) / total;
    const rect = html`<rect class="balance-seg balance-seg--${p.key}" x="${round(x)}" y="0" width="${round(width)}" height="10"></rect>`;
    x += width;
    return rect;
  });
  const weight = balance.weight;
  return html`<figure class="balance" aria-labelledby="balance-h">
<figcaption id="balance-h" class="balance-caption">The evidence at a glance</figcaption>
<svg class="balance-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${segments}</svg>
<ul class="balance-legend">
${parts.map((p) => html`<li class="balance-item balance-item--${p.key}"><span class="balance-swatch balance-seg--${p.key}" aria-hidden="true"></span>${upperFirst(p.text)}</li>`)}
</ul>
${
  weight && kind === "claim"
    ? html`<p class="balance-weight">Weighed by how closely and how surely each source matches the claim, one vote per independent voice: ${pct(weight.supports)} of the weight supports it, ${pct(weight.refutes)} contradicts it.</p>`
    : ""
}
${
  balance.retracted.length > 0
    ? html`<p class="balance-weight">Not counted: ${balance.retracted.length === 1 ? "one retracted source" : `${balance.retracted.length} retracted sources`}.</p>`
    : ""
}
</figure>`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
