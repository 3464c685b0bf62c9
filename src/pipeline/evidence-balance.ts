// The evidence counted once: sources and independent voices per stance, and the weight shares
// the judge used. The verdict's rationale and the summary's opening sentence are both built
// here, from one balance, so that they state the same numbers.
import type { Claim, InputKind } from "../core/schema/claim.js";
import type { EvidenceBalance, StanceCount } from "../core/schema/evidence-balance.js";
import type { ReportSentence } from "../core/schema/report.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";
import type { VerdictLabel } from "../core/schema/verdict.js";
import { clause, sourcesWord, stanceClauses, voicesNote } from "../text/balance-words.js";
import { citeList } from "../text/cite-list.js";
import { absoluteWords } from "./framing.js";

const STANCES = ["supports", "refutes", "mixed", "context", "irrelevant"] as const;

/**
 * The balance of the assessments over the sources they assess. Earlier fact-checks are left out
 * and retracted sources only listed, as the judge leaves them out of its vote. `weight` is the
 * judge's total weight on each side, turned into shares here.
 */
export function evidenceBalance(
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  weight?: { supports: number; refutes: number },
): EvidenceBalance {
  const byN = new Map(sources.map((s) => [s.n, s]));
  const retracted = new Set<number>();
  const members = new Map<Stance, Map<number, string>>(STANCES.map((s) => [s, new Map()]));
  for (const a of assessments) {
    const source = byN.get(a.sourceN);
    if (source?.factCheck) continue;
    if (source?.retracted) {
      retracted.add(a.sourceN);
      continue;
    }
    members.get(a.stance)?.set(a.sourceN, source?.independenceGroup ?? `source:${a.sourceN}`);
  }
  const count = (stance: Stance): StanceCount => {
    const group = members.get(stance) ?? new Map<number, string>();
    return {
      sources: group.size,
      voices: new Set(group.values()).size,
      cites: [...group.keys()].sort((x, y) => x - y),
    };
  };
  const bearing = STANCES.filter((s) => s !== "irrelevant").flatMap((s) => [
    ...(members.get(s) ?? new Map<number, string>()),
  ]);
  const total = weight ? weight.supports + weight.refutes : 0;
  return {
    supports: count("supports"),
    refutes: count("refutes"),
    mixed: count("mixed"),
    context: count("context"),
    irrelevant: count("irrelevant"),
    total: {
      sources: new Set(bearing.map(([n]) => n)).size,
      voices: new Set(bearing.map(([, group]) => group)).size,
    },
    retracted: [...retracted].sort((x, y) => x - y),
    ...(weight && total > 0
      ? {
          weight: {
            supports: round(weight.supports / total),
            refutes: round(1 - round(weight.supports / total)),
          },
        }
      : {}),
  };
}

/**
 * The verdict's one-sentence rationale: what the label rests on, in the counts the summary
 * gives. Counts are of sources; where several come from one owner the independent voices are
 * named too, since the judge counts those.
 */
export function verdictRationale(claim: Claim, label: VerdictLabel, b: EvidenceBalance): string {
  const retracted = retractedNote(b);
  if (claim.kind === "question") return questionRationale(b) + retracted;
  const decisive = b.supports.sources + b.refutes.sources + b.mixed.sources;
  const sides = joinList(stanceClauses(b, "claim", { decisiveOnly: true }));
  // " (86%)" of the weight, when the judge recorded it.
  const share = b.weight ? ` (${pct(b.weight.supports)})` : "";
  const against = b.weight ? ` (${pct(b.weight.refutes)})` : "";
  let text: string;
  switch (label) {
    case "supported":
      text =
        b.refutes.sources + b.mixed.sources === 0
          ? `${upperFirst(clause(b.supports, "supports the claim", "support the claim"))} and none contradicts it.`
          : `Nearly all the weight of the evidence supports the claim${share}: ${sides}.`;
      break;
    case "mostly-supported":
      text = `Most of the weight of the evidence supports the claim${share}: ${sides}.`;
      break;
    case "refuted":
      text =
        b.supports.sources + b.mixed.sources === 0
          ? `${upperFirst(clause(b.refutes, "contradicts the claim", "contradict the claim"))} and none supports it.`
          : `Most of the weight of the evidence contradicts the claim${against}: ${sides}.`;
      break;
    case "mixed":
      text = b.weight
        ? `The sources are divided: ${sides}; ${pct(b.weight.supports)} of the weight of the evidence supports the claim.`
        : `The sources are divided: ${sides}.`;
      break;
    case "misleading":
      text = `The evidence is divided (${sides}), yet the claim is stated absolutely ("${absoluteWords(claim.normalized)[0] ?? "all"}").`;
      break;
    default:
      text =
        decisive > 0
          ? `The sources found do not settle the claim: ${joinList(stanceClauses(b, "claim"))}, but what takes a side matches the claim too loosely or too uncertainly to decide it.`
          : b.context.sources > 0
            ? `${upperFirst(clause(b.context, "discusses the topic", "discuss the topic"))}, but none supports or contradicts the claim.`
            : "No source found bears on the claim; nothing was found that supports or contradicts it.";
  }
  return text + retracted;
}

function questionRationale(b: EvidenceBalance): string {
  const { total } = b;
  if (total.sources === 0) return "No source found addresses the question.";
  const direct = b.supports.sources + b.refutes.sources + b.mixed.sources;
  if (total.sources === 1) {
    return direct > 0
      ? "Only one source bears on the question, and it addresses it directly."
      : "Only one source bears on the question, and it only touches on it.";
  }
  const who =
    total.voices === 1
      ? `Only one independent voice (${sourcesWord(total.sources)}) bears on the question`
      : `${upperFirst(sourcesWord(total.sources))}${voicesNote(total)} bear on the question`;
  return direct === 0
    ? `${who}, but none addresses it directly; they only touch on it.`
    : `${who}: ${joinList(stanceClauses(b, "question"))}.`;
}

/**
 * The summary's opening sentence: how many sources bear on the input and how they divide, each
 * group cited, in the rationale's counts. Undefined when no source bears on it.
 */
export function balanceSentence(
  b: EvidenceBalance,
  kind: InputKind,
  options: { priorChecks?: boolean } = {},
): ReportSentence | undefined {
  if (b.total.sources === 0) return undefined;
  const what = kind === "claim" ? "this claim" : "this question";
  const extra: string[] = [];
  if (b.retracted.length > 0)
    extra.push(
      `${citeList(b.retracted)} ${b.retracted.length === 1 ? "has" : "have"} been retracted and ${b.retracted.length === 1 ? "is" : "are"} not counted`,
    );
  if (options.priorChecks) extra.push("earlier fact-checks are listed separately and not counted");
  const cites = STANCES.filter((s) => s !== "irrelevant").flatMap((s) => b[s].cites);
  return {
    text:
      `The search found ${sourcesWord(b.total.sources)}${voicesNote(b.total)} that ${b.total.sources === 1 ? "bears" : "bear"} on ${what}: ` +
      `${joinList(stanceClauses(b, kind, { cite: true }))}` +
      (extra.length > 0 ? `; ${extra.join("; ")}.` : "."),
    cites: [...new Set([...cites, ...b.retracted])].sort((x, y) => x - y),
    basis: "search",
  };
}

function retractedNote(b: EvidenceBalance): string {
  const n = b.retracted.length;
  if (n === 0) return "";
  return n === 1
    ? " One retracted source was not weighed."
    : ` ${n} retracted sources were not weighed.`;
}

export function joinList(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
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
