// Stage 7: the verdict — a weighted vote of the sources' stances, one vote per independent voice.
import type { Claim } from "../core/schema/claim.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";
import type { Verdict } from "../core/schema/verdict.js";

export interface JudgeOptions {
  /** An assessment below this confidence does not vote. */
  minConfidence: number;
  /** Support share (support / (support + refute)) at or above which a claim is mostly supported. */
  mostlyShare: number;
  /** Support weight at or above which an uncontested claim is supported rather than mostly. */
  supportedWeight: number;
}

export const DEFAULT_JUDGE: JudgeOptions = {
  minConfidence: 0.4,
  mostlyShare: 0.75,
  supportedWeight: 1.2,
};

// Words that make a claim false on one counter-example; with contested evidence it misleads.
const ABSOLUTE =
  /\b(all|always|never|none|no one|nobody|every|everyone|completely|entirely|totally|100 ?%|proven|guaranteed|impossible|only)\b/i;

interface Tally {
  supports: number;
  refutes: number;
  context: number;
  /** Independent voices with a relevant stance. */
  voices: number;
}

/** The verdict: refuted only when a source contradicts, unverified when nothing bears on it. */
export function judge(
  claim: Claim,
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  options: Partial<JudgeOptions> = {},
): Verdict {
  const opts = { ...DEFAULT_JUDGE, ...options };
  const tally = tallyByVoice(sources, assessments, opts.minConfidence);
  return claim.kind === "question" ? judgeQuestion(tally) : judgeClaim(claim, tally, opts);
}

function judgeClaim(claim: Claim, t: Tally, opts: JudgeOptions): Verdict {
  const decisive = t.supports + t.refutes;
  if (decisive === 0) {
    return {
      label: "unverified",
      confidence: round(t.context > 0 ? 0.6 : 0.8),
      rationale:
        t.context > 0
          ? "The sources found discuss the topic but none of them supports or contradicts the claim."
          : "No source found bears on the claim; nothing was found that supports or contradicts it.",
    };
  }
  const share = t.supports / decisive;
  const strength = Math.min(1, decisive / 2);
  if (t.refutes === 0) {
    const supported = t.supports >= opts.supportedWeight;
    return {
      label: supported ? "supported" : "mostly-supported",
      confidence: round(0.5 + 0.4 * strength),
      rationale: `${voices(t.supports)} support the claim and none contradicts it.`,
    };
  }
  if (t.supports === 0) {
    return {
      label: "refuted",
      confidence: round(0.5 + 0.4 * strength),
      rationale: `${voices(t.refutes)} contradict the claim and none supports it.`,
    };
  }
  if (share >= opts.mostlyShare) {
    return {
      label: "mostly-supported",
      confidence: round(0.4 + 0.4 * share * strength),
      rationale: `Most of the weight supports the claim (${pct(share)}), but some evidence contradicts it.`,
    };
  }
  if (share <= 1 - opts.mostlyShare) {
    return {
      label: "refuted",
      confidence: round(0.4 + 0.4 * (1 - share) * strength),
      rationale: `Most of the weight contradicts the claim (${pct(1 - share)}); a minority supports it.`,
    };
  }
  const absolute = ABSOLUTE.exec(claim.normalized)?.[0];
  if (absolute) {
    return {
      label: "misleading",
      confidence: round(0.4 + 0.2 * strength),
      rationale: `The evidence is divided, yet the claim is stated absolutely ("${absolute}").`,
    };
  }
  return {
    label: "mixed",
    confidence: round(0.4 + 0.2 * strength),
    rationale: `The sources are divided: ${pct(share)} of the weight supports the claim.`,
  };
}

function judgeQuestion(t: Tally): Verdict {
  const relevant = t.voices;
  if (relevant >= 2) {
    return {
      label: "documented",
      confidence: round(Math.min(0.9, 0.5 + 0.1 * relevant)),
      rationale: `${relevant} independent sources address the question.`,
    };
  }
  if (relevant === 1) {
    return {
      label: "partly-documented",
      confidence: 0.6,
      rationale: "Only one independent source addresses the question.",
    };
  }
  return {
    label: "undocumented",
    confidence: 0.7,
    rationale: "No source found addresses the question.",
  };
}

/** Per independent voice, its most confident assessment per stance; then sums over voices. */
function tallyByVoice(
  sources: readonly Source[],
  assessments: readonly SourceAssessment[],
  minConfidence: number,
): Tally {
  const groupOf = new Map(sources.map((s) => [s.n, s.independenceGroup]));
  const best = new Map<string, Map<Stance, number>>();
  for (const a of assessments) {
    if (a.stance === "irrelevant" || a.confidence < minConfidence) continue;
    const group = groupOf.get(a.sourceN) ?? `source:${a.sourceN}`;
    const stances = best.get(group) ?? new Map<Stance, number>();
    stances.set(a.stance, Math.max(stances.get(a.stance) ?? 0, a.confidence));
    best.set(group, stances);
  }
  const tally: Tally = { supports: 0, refutes: 0, context: 0, voices: best.size };
  for (const stances of best.values()) {
    const mixed = stances.get("mixed") ?? 0;
    tally.supports += Math.max(stances.get("supports") ?? 0, mixed / 2);
    tally.refutes += Math.max(stances.get("refutes") ?? 0, mixed / 2);
    tally.context += stances.get("context") ?? 0;
  }
  return tally;
}

function voices(weight: number): string {
  return weight >= 1.5 ? "Several independent sources" : "A source";
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
