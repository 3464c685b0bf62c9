// The list of stored checks as `history` prints it: newest first, one block per check.
import type { CheckSummary } from "../core/interfaces/check-store.js";
import { longDate, tallyText, VERDICT_TEXT } from "./labels.js";
import { clean } from "./text.js";

export interface HistoryLine extends CheckSummary {
  stale: boolean;
}

export function renderHistoryText(lines: readonly HistoryLine[]): string {
  if (lines.length === 0)
    return 'No checks yet. Run one with: factually check "<claim or question>"';
  return lines
    .map(({ check, latest, versionCount, stale }) => {
      const input = clean(check.input).replace(/\s+/g, " ");
      const verdict = `${VERDICT_TEXT[latest.verdict.label]} (${Math.round(latest.verdict.confidence * 100)}%)`;
      const meta = [
        verdict,
        `checked ${longDate(latest.checkedAt)}${stale ? " — may be outdated" : ""}`,
        `version ${latest.n}${versionCount > 1 ? ` of ${versionCount}` : ""}`,
        `helpful: ${tallyText(latest.feedback)}`,
      ].join(" · ");
      return `${check.id}\n  ${input.length > 160 ? `${input.slice(0, 159)}…` : input}\n  ${meta}`;
    })
    .join("\n\n");
}
