// The pages' one stylesheet, kept as a string so `dist` needs no copy step. Light and dark by
// `prefers-color-scheme`; colours chosen for at least 4.5:1 contrast (WCAG AA) on their ground.
export const APP_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1b1c1e;
  --muted: #50545a;
  --line: #d5d8dc;
  --panel: #f4f5f7;
  --link: #0a55c2;
  --focus: #b3470a;
  --notice-bg: #fff6db;
  --notice-line: #b58100;
  --ok: #1d6b34;
  --bad: #a3201a;
  --mixed: #7a5200;
  --mark: #fff1a8;
  --ins: #e3f4e6;
  --del: #fbe5e3;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #131417;
    --fg: #e9eaec;
    --muted: #aeb3ba;
    --line: #3b3f46;
    --panel: #1d1f23;
    --link: #8fb8ff;
    --focus: #ffb067;
    --notice-bg: #2f2812;
    --notice-line: #d6a73a;
    --ok: #7fd494;
    --bad: #ff9d95;
    --mixed: #f0c66b;
    --mark: #4a4114;
    --ins: #183322;
    --del: #3d1d1b;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1.0625rem/1.6 var(--font);
  overflow-wrap: anywhere;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
.skip-link {
  position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem;
  background: var(--fg); color: var(--bg); z-index: 10; border-radius: 4px;
}
.skip-link:focus { top: 0.5rem; }
.site-header, .site-footer, main { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.site-header { padding-top: 0.75rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--line); }
.site-header nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; align-items: baseline; }
.site-header .brand { font-weight: 700; font-size: 1.2rem; color: var(--fg); text-decoration: none; margin-right: auto; }
.site-footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
.muted, .checked-on, .disclaimer, .meta-label { color: var(--muted); }
.checked-on, .disclaimer { margin: 0.25rem 0; }
.disclaimer { font-size: 0.95rem; }
.meta-label { margin: 1rem 0 0.25rem; font-weight: 600; }
.queries { margin: 0; padding-left: 1.25rem; }
.intent, .query-found { color: var(--muted); font-size: 0.9rem; }
.found { margin: 0.5rem 0 0; font-weight: 600; }
.notice {
  margin: 1.25rem 0; padding: 0.75rem 1rem; background: var(--notice-bg);
  border-left: 4px solid var(--notice-line); border-radius: 4px;
}
.notice p { margin: 0.25rem 0; }
.notice form { margin: 0.5rem 0 0; }
.error { border-left-color: var(--bad); }
.panel { margin: 1.25rem 0; padding: 0.75rem 1rem; background: var(--panel); border-radius: 6px; }
.panel > h2:first-child, .panel > h3:first-child { margin-top: 0.25rem; }
button, .button {
  font: inherit; font-weight: 600; padding: 0.45rem 1rem; min-height: 2.5rem;
  border: 1px solid var(--link); border-radius: 6px; background: var(--link); color: var(--bg);
  cursor: pointer; text-decoration: none; display: inline-block;
}
button.secondary { background: transparent; color: var(--link); }
button.small { padding: 0.2rem 0.6rem; min-height: 2rem; font-size: 0.9rem; }
button:disabled { opacity: 0.6; cursor: progress; }
label { font-weight: 600; }
textarea, input[type="text"], input[type="search"] {
  width: 100%; font: inherit; padding: 0.5rem 0.6rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px;
}
.check-form textarea { min-height: 5rem; resize: vertical; }
.options { border: 0; margin: 0.5rem 0 0.75rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.options legend { padding: 0; color: var(--muted); font-size: 0.95rem; }
.options label { font-weight: 400; }
.options .note { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 0.95rem; }
.field { margin: 0.5rem 0; }
.feedback-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.feedback textarea { min-height: 3.5rem; }
.tally { color: var(--muted); }
.verdict { margin: 1.5rem 0 0.5rem; padding: 0.75rem 1rem; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; }
.verdict h2 { margin: 0; }
.verdict p { margin: 0.35rem 0 0; }
.verdict--supported, .verdict--mostly-supported, .verdict--documented { border-left-color: var(--ok); }
.verdict--refuted, .verdict--misleading, .verdict--undocumented { border-left-color: var(--bad); }
.verdict--mixed, .verdict--partly-documented, .verdict--unverified { border-left-color: var(--mixed); }
.model-use, .verification { font-size: 0.95rem; color: var(--muted); }
.balance { margin: 0.75rem 0 0; }
.balance-caption { font-weight: 600; font-size: 0.95rem; }
.balance-bar { display: block; width: 100%; height: 0.8rem; margin: 0.35rem 0; border-radius: 3px; background: var(--panel); }
.balance-seg { stroke: var(--bg); stroke-width: 1px; vector-effect: non-scaling-stroke; }
.balance-seg--supports, .balance-seg--direct { fill: var(--ok); background: var(--ok); }
.balance-seg--refutes { fill: var(--bad); background: var(--bad); }
.balance-seg--mixed { fill: var(--mixed); background: var(--mixed); }
.balance-seg--context { fill: var(--muted); background: var(--muted); }
.balance-legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1.1rem; font-size: 0.95rem; }
.balance-swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; vertical-align: -0.05em; }
.verdict .balance-weight { font-size: 0.92rem; color: var(--muted); }
.report p { margin: 0.5rem 0 0.9rem; }
a.cite { text-decoration: none; font-size: 0.85em; white-space: nowrap; padding: 0 0.1em; }
a.cite:hover, a.cite:focus-visible { text-decoration: underline; }
.unverified { color: var(--bad); font-size: 0.85em; }
.sources { list-style: none; margin: 0; padding: 0; }
.source { padding: 0.6rem 0.75rem; margin: 0 -0.75rem; border-radius: 6px; scroll-margin-top: 1rem; }
.source:target, .source.is-highlighted { background: var(--mark); outline: 2px solid var(--notice-line); }
.source p { margin: 0.15rem 0; }
.source-n { font-weight: 700; }
.source-title { font-weight: 600; }
.source-meta, .source-note, .source-where { color: var(--muted); font-size: 0.92rem; }
.stance { font-weight: 600; }
.retracted { color: var(--bad); }
.stance--supports { color: var(--ok); }
.stance--refutes { color: var(--bad); }
.stance--mixed { color: var(--mixed); }
blockquote { margin: 0.35rem 0; padding: 0.1rem 0 0.1rem 0.8rem; border-left: 3px solid var(--line); }
blockquote p { margin: 0; }
.related { padding-left: 1.25rem; }
.related li { margin: 0.35rem 0; }
.inline-form { display: inline; margin-left: 0.35rem; }
.versions { font-size: 0.95rem; margin: 0.25rem 0; }
.versions ul { display: inline; list-style: none; margin: 0; padding: 0; }
.versions li { display: inline; margin-right: 0.5rem; }
.versions a[aria-current="page"] { font-weight: 700; color: var(--fg); text-decoration: none; }
.changes ul { padding-left: 1.25rem; }
ins { background: var(--ins); text-decoration: none; }
del { background: var(--del); }
.history { list-style: none; padding: 0; margin: 0; }
.history li { padding: 0.75rem 0; border-bottom: 1px solid var(--line); }
.history .claim { font-weight: 600; }
.history .meta { color: var(--muted); font-size: 0.95rem; margin: 0.15rem 0 0; }
.stale-flag { color: var(--mixed); font-weight: 600; }
.verdict-change { color: var(--mixed); margin: 0.2rem 0; }
.progress ol, .progress ul { padding-left: 1.25rem; margin: 0.25rem 0; }
.progress .status { font-weight: 600; }
.error-text { color: var(--bad); font-weight: 600; }
.error-text:empty, .progress [data-hits]:empty { display: none; }
.progress [data-state="running"]::after { content: " …"; }
.progress [data-state="done"] { color: var(--muted); }
.progress [data-state="done"]::after { content: " ✓"; color: var(--ok); }
.pager { margin: 1.5rem 0; }
.notes { font-size: 0.95rem; color: var(--muted); }
.record-line { font-size: 0.9rem; color: var(--muted); margin-top: 2rem; }
[hidden] { display: none !important; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.45rem; }
  .source { margin: 0 -0.5rem; padding: 0.5rem; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
`;
