// The list of stored checks as `history` prints it: newest first, one block per check, and
// a mark on those whose verdict changed since the last look.
import type { CheckSummary } from "../core/interfaces/check-store.js";
import type { VerdictChange } from "../records/verdict-change.js";
import { longDate, tallyText, VERDICT_TEXT } from "./labels.js";
import { clean } from "./text.js";

export interface HistoryLine extends CheckSummary {
  stale: boolean;
  /** The verdict changed since the last look: what it was then and what it is now. */
  changedSinceLastLook?: VerdictChange;
}

/** The mark on a check whose verdict changed, e.g. "verdict changed since May 1: Mixed → Refuted". */
export function verdictChangeText(change: VerdictChange, lookedAt: string): string {
  return `verdict changed since ${longDate(lookedAt)}: ${VERDICT_TEXT[change.from.label]} (version ${change.from.n}) → ${VERDICT_TEXT[change.to.label]} (version ${change.to.n})`;
}

export function renderHistoryText(lines: readonly HistoryLine[], lookedAt?: string): string {
  if (lines.length === 0)
    return 'No checks yet. Run one with: factually check "<claim or question>"';
  const blocks = lines.map(({ check, latest, versionCount, stale, changedSinceLastLook }) => {
    const input = clean(check.input).replace(/\s+/g, " ");
    const verdict = `${VERDICT_TEXT[latest.verdict.label]} (${Math.round(latest.verdict.confidence * 100)}%)`;
    const meta = [
      verdict,
      `checked ${longDate(latest.checkedAt)}${stale ? " — may be outdated" : ""}`,
      `version ${latest.n}${versionCount > 1 ? ` of ${versionCount}` : ""}`,
      `helpful: ${tallyText(latest.feedback)}`,
    ].join(" · ");
    const mark =
      changedSinceLastLook && lookedAt
        ? `\n  * ${verdictChangeText(changedSinceLastLook, lookedAt)}`
        : "";
    const shown = input.length > 160 ? `${input.slice(0, 159)}…` : input;
    return `${changedSinceLastLook ? "* " : ""}${check.id}\n  ${shown}\n  ${meta}${mark}`;
  });
  const changed = lines.filter((line) => line.changedSinceLastLook).length;
  if (changed > 0 && lookedAt) {
    blocks.unshift(
      `${changed === 1 ? "1 check" : `${changed} checks`} marked * changed verdict since history was last listed (${longDate(lookedAt)}).`,
    );
  }
  return blocks.join("\n\n");
}
