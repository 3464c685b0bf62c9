// What changed between two versions, as the lines `refresh` prints.
import type { VersionDiff } from "../records/version-diff.js";
import { isUnchanged } from "../records/version-diff.js";
import { shownConfidence, VERDICT_TEXT } from "./labels.js";
import { clean } from "./text.js";

const SECTION_NAMES = {
  summary: "Summary",
  missingContext: "Missing context",
  bias: "Misinformation/bias",
} as const;

/** Plain-text diff: verdict, sources added/removed/changed, report sentences added/removed. */
export function renderDiffText(diff: VersionDiff): string {
  const { verdict, sources, sentences } = diff;
  const head = `What changed from version ${diff.from} to version ${diff.to}:`;
  if (isUnchanged(diff)) {
    return `${head}\nNothing: the same verdict, the same sources with the same content, the same report.`;
  }
  const lines = [head];
  const withPct = (v: typeof verdict.before) =>
    `${VERDICT_TEXT[v.label]}${shownConfidence(v) ? ` (${shownConfidence(v)})` : ""}`;
  const before = shownConfidence(verdict.before);
  const after = shownConfidence(verdict.after);
  lines.push(
    verdict.labelChanged
      ? `Verdict: ${withPct(verdict.before)} → ${withPct(verdict.after)}`
      : `Verdict: ${VERDICT_TEXT[verdict.after.label]}, unchanged${before && after ? ` (confidence ${before} → ${after})` : ""}`,
  );
  lines.push(
    `Sources: ${sources.added.length} added, ${sources.removed.length} removed, ${sources.changed.length} changed, ${sources.unchanged} unchanged`,
  );
  for (const s of sources.added) lines.push(`  + [${s.after}] ${oneLine(s.title)}`);
  for (const s of sources.removed) lines.push(`  - ${oneLine(s.title)} (was [${s.before}])`);
  for (const s of sources.changed)
    lines.push(
      `  ~ [${s.after}] ${oneLine(s.title)} — its text changed since version ${diff.from}`,
    );
  lines.push(
    `Report: ${sentences.added.length} sentence${sentences.added.length === 1 ? "" : "s"} added, ${sentences.removed.length} removed`,
  );
  for (const s of sentences.added)
    lines.push(`  + (${SECTION_NAMES[s.section]}) ${oneLine(s.text)}`);
  for (const s of sentences.removed)
    lines.push(`  - (${SECTION_NAMES[s.section]}) ${oneLine(s.text)}`);
  if (sentences.added.length > 0 && sentences.removed.length > 0) {
    // The two versions number their sources separately: say which numbering each line uses.
    lines.push(
      `  (citations: + lines use version ${diff.to}'s source numbers, - lines version ${diff.from}'s)`,
    );
  }
  return lines.join("\n");
}

function oneLine(text: string): string {
  const flat = clean(text).replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
