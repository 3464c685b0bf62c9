// The methodology page the disclaimer's "Learn more" links to: how a check works, what the
// labels mean, what "verified" means, how sources are profiled, and the limits.
import { PROFILE_TEXT, STANCE_TEXT, VERDICT_TEXT } from "../../render/labels.js";
import { html } from "./html.js";
import { page } from "./layout.js";

export interface AboutPageView {
  freshnessDays: number;
  /** Whether this server writes with a language model. */
  hasModel: boolean;
  appVersion: string;
}

const STAGES: Array<[string, string]> = [
  [
    "Understand",
    "Is the input a claim (a statement) or a question? Its key terms and names are found, and a compound claim is split into parts that can be checked alone.",
  ],
  [
    "Plan",
    "At least three searches, each with an intent: a neutral one, one looking for support and one looking for criticism, so the sources are not all on one side. The last two take the angle a fact-checker would for that kind of claim: outcomes and benefit against null results and risks for a claimed benefit, an association against its absence for a claimed harm, the estimates against their revisions for a number. Each search's line says which sources it found.",
  ],
  [
    "Search",
    "Every search runs on every configured source: the local collection of documents and, when enabled, the web. Results are merged; a failing search engine is noted, not fatal.",
  ],
  [
    "Read",
    "The best results are read in full. Web pages are fetched through a guarded reader and kept as snapshots, so what was read can be shown later.",
  ],
  [
    "Select",
    "The sentences that bear most on the input are chosen, a few per source, so near-duplicates do not crowd out other evidence.",
  ],
  [
    "Assess",
    "Each source gets a stance towards the claim, with the quote it rests on and a confidence.",
  ],
  [
    "Judge",
    "A vote of stance times confidence, with one vote per independent voice: several pages of one publisher count once. A retracted or withdrawn paper is listed but given no weight. The verdict's reason and the summary state the same counts of sources, shown at a glance as a bar.",
  ],
  [
    "Write",
    "The three sections of the report, every sentence citing its sources, and five follow-up questions.",
  ],
  [
    "Verify",
    "Every sentence is checked against what it cites; unsupported sentences are dropped, or kept and marked unverified when they are a section's only one.",
  ],
];

export function aboutPage(view: AboutPageView): string {
  const claimLabels = [
    "supported",
    "mostly-supported",
    "mixed",
    "misleading",
    "refuted",
    "unverified",
  ] as const;
  const questionLabels = ["documented", "partly-documented", "undocumented"] as const;
  const body = html`<h1>How a check works</h1>
<p>Factually checks a claim, or answers a factual question, the way a careful reader would: it searches with balanced queries, reads the sources, weighs what each one says, and writes a dated report in which every sentence cites its sources. ${
    view.hasModel
      ? "On this server a language model understands, plans, weighs and writes; every step falls back to the offline method if the model fails, and the report says so."
      : "On this server every step runs offline, without a language model: the report is made of the sources' own sentences, quoted and cited."
  }</p>
<h2>The steps</h2>
<ol>
${STAGES.map(([name, text]) => html`<li><strong>${name}</strong>: ${text}</li>`)}
</ol>
<h2>Verdicts</h2>
<p>A claim gets one of: ${claimLabels.map((l, i) => html`${i > 0 ? ", " : ""}<strong>${VERDICT_TEXT[l]}</strong>`)}. Only a source that contradicts a claim can make it Refuted: finding nothing makes it Unverified, and the report lists what was searched. <strong>Misleading</strong> means divided evidence on an absolutely worded claim.</p>
<p>A question is not true or false, so it gets how well the sources document an answer: ${questionLabels.map((l, i) => html`${i > 0 ? ", " : ""}<strong>${VERDICT_TEXT[l]}</strong>`)}.</p>
<p>The confidence (0–100%) says how strongly the weighed sources point that way, not how likely the claim is to be true. Unverified and Undocumented show none: nothing found settles the input, and a percentage beside them would read as a measure of truth.</p>
<h2>What “verified” means</h2>
<p>After writing, every sentence of the report is compared with the passages of the sources it cites: a quotation must appear word for word, other sentences must share their content with what they cite. The report says how many sentences were supported. It does not mean the sources themselves are right.</p>
<h2>Sources</h2>
<p>Each source is listed with its publisher, date (or “undated”), a profile — ${Object.values(PROFILE_TEXT).join(", ")} — and its stance: ${Object.values(STANCE_TEXT).join(", ")}, with the quote it rests on. Press releases, undated pages and several sources from one owner are pointed out in section 3. Earlier fact-checks by other publishers are listed apart and never weighed.</p>
<h2>Dates and refreshing</h2>
<p>Every check is dated. After ${view.freshnessDays} days a check may be outdated and its page says so; refreshing it runs it again as a new version, keeps the old one, and shows what changed: the verdict, sources added, removed or changed, and sentences added or removed.</p>
<h2>Limits</h2>
<ul>
<li>Factually can make mistakes. Please verify important information or breaking news.</li>
<li>It knows only what its sources say: a claim about something no source covers stays Unverified.</li>
<li>Source text is only ever quoted as data, never followed as instructions; a source can still be wrong, old or one-sided.</li>
<li>Without a language model the report is extractive and written in English only.</li>
</ul>
<p>Was a check helpful or wrong? Each check page asks “Was this fact-check helpful?”; ratings and comments are kept with the version they are about.</p>`;
  return page({
    title: "How a check works",
    description:
      "How Factually checks a claim: balanced searches, reading and weighing sources, verdict labels, verified citations, and its limits.",
    version: view.appVersion,
    body,
  });
}
