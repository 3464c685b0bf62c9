// How the evidence balance is worded: the groups of sources a report names ("4 sources support
// it", "one source touches on it"), shared by the verdict line, the summary and the page's bar so
// that all of them say the same counts.
import type { InputKind } from "../core/schema/claim.js";
import type { EvidenceBalance, StanceCount } from "../core/schema/evidence-balance.js";
import { citeList } from "./cite-list.js";

/** One group of sources as the report counts it: a stance, or a question's direct answers. */
export interface StancePart {
  key: "supports" | "refutes" | "mixed" | "context" | "direct";
  count: StanceCount;
  /** "4 sources support it", "one source touches on it". */
  text: string;
}

/**
 * The non-empty groups in the order the report names them, each worded as both the rationale
 * and the summary word it (a question's sources address it directly or touch on it).
 */
export function stanceParts(
  b: EvidenceBalance,
  kind: InputKind,
  options: { decisiveOnly?: boolean } = {},
): StancePart[] {
  const parts: StancePart[] = [];
  const add = (key: StancePart["key"], count: StanceCount, one: string, many: string) => {
    if (count.sources > 0) parts.push({ key, count, text: clause(count, one, many) });
  };
  if (kind === "claim") {
    add("supports", b.supports, "supports it", "support it");
    add("refutes", b.refutes, "contradicts it", "contradict it");
    add("mixed", b.mixed, "is mixed", "are mixed");
    if (!options.decisiveOnly)
      add(
        "context",
        b.context,
        "gives context without taking a side",
        "give context without taking a side",
      );
  } else {
    const direct = [...b.supports.cites, ...b.mixed.cites, ...b.refutes.cites].sort(
      (x, y) => x - y,
    );
    // Voices are not summed across stances (one owner may take two), so none are named here.
    add(
      "direct",
      { sources: direct.length, voices: direct.length, cites: direct },
      "addresses it directly",
      "address it directly",
    );
    add("context", b.context, "touches on it", "touch on it");
  }
  return parts;
}

/** The parts' words, each followed by its citations when `cite` is set. */
export function stanceClauses(
  b: EvidenceBalance,
  kind: InputKind,
  options: { cite?: boolean; decisiveOnly?: boolean } = {},
): string[] {
  return stanceParts(b, kind, options).map(
    (p) => p.text + (options.cite ? ` ${citeList(p.count.cites)}` : ""),
  );
}

/** "one source supports it", "4 sources (3 independent voices) support it". */
export function clause(count: StanceCount, one: string, many: string): string {
  return `${sourcesWord(count.sources)}${voicesNote(count)} ${count.sources === 1 ? one : many}`;
}

/** " (3 independent voices)" when some of the sources share an owner, else "". */
export function voicesNote(count: { sources: number; voices: number }): string {
  if (count.voices >= count.sources) return "";
  return ` (${count.voices === 1 ? "one independent voice" : `${count.voices} independent voices`})`;
}

/** "one source", "4 sources". */
export function sourcesWord(n: number): string {
  return n === 1 ? "one source" : `${n} sources`;
}
