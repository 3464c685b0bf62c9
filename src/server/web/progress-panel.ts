// The live-progress panel a check or refresh form fills in (by the script, from the API's SSE
// stream); hidden until the script shows it, so pages without the script never see it empty.
import { SECTION_TITLES } from "../../render/labels.js";
import { html, type SafeHtml } from "./html.js";

/** A hidden panel with the lists the script fills: steps, searches, sources, sections. */
export function progressPanel(id: string, title: string): SafeHtml {
  return html`<section class="progress panel" id="${id}" aria-labelledby="${id}-h" hidden>
<h2 id="${id}-h">${title}</h2>
<p class="status" role="status" data-status></p>
<p class="error-text" role="alert" data-error></p>
<ol data-stages aria-label="Steps"></ol>
<h3>Searched for:</h3>
<ul data-queries></ul>
<p data-hits></p>
<h3>Sources read</h3>
<ul data-sources></ul>
<h3>Report</h3>
<ul>
<li data-section="summary">${SECTION_TITLES.summary}</li>
<li data-section="missingContext">${SECTION_TITLES.missingContext}</li>
<li data-section="bias">${SECTION_TITLES.bias}</li>
</ul>
</section>`;
}
