// The offline assessor: the stance model trained in this project reads each selected passage of
// a source, then one stance per source with the passage it rests on. A passage takes a side in
// two steps — is it evidence on the claim at all (agree + disagree), and which way does it point
// (agree against disagree) — and only if it passes the gates for what is plainly not evidence:
// a passage whose document never names the claim's subject, a background, objective, methods or
// funding sentence, or a statement of aims.
import type { AssessInput, Assessor } from "../core/interfaces/assessor.js";
import type { Passage, PassageSection, SubjectFound } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";
import { isAimSentence, NON_EVIDENCE_SECTIONS } from "../text/abstract-sections.js";
import { stemWord } from "../text/passage-match.js";
import { claimsBenefit, reportsNegativeResult } from "../text/result-phrasing.js";

/** Probabilities of the four FNC-1 stances of a text towards a claim (sum 1). */
export interface StanceProbabilities {
  agree: number;
  disagree: number;
  discuss: number;
  unrelated: number;
}

/** What the pipeline knows of where a passage comes from. */
export interface PassageContext {
  /** Its document's title (or the question an answer replies to). */
  title?: string;
  section?: PassageSection;
  subjectFound?: SubjectFound;
}

/** A (claim, text) pair to score, with the text's context. */
export interface StancePair {
  claim: string;
  text: string;
  context?: PassageContext;
}

/** A stance model: anything that scores (claim, text) pairs. */
export interface StancePredictor {
  readonly id: string;
  predict(claim: string, text: string, context?: PassageContext): StanceProbabilities;
  /** Many pairs at once, analysing a repeated text (the claim) once; optional. */
  predictMany?(pairs: ReadonlyArray<StancePair>): StanceProbabilities[];
}

/** Which gates for what is plainly not evidence are on (all are, by default). */
export interface EvidenceGates {
  /** A passage whose document never names the claim's subject cannot take a side. */
  subject: boolean;
  /** Nor can a background, objective, methods or funding sentence, or an aim. */
  setup: boolean;
  /** A negative result naming the claim's subject counts against a claim of benefit. */
  negativeResult: boolean;
  /**
   * A plain "Yes…" or "No…" answering a question that restates the claim (the passage's
   * document is that question and its answer) supports or contradicts it.
   */
  directAnswer: boolean;
}

export interface StanceAssessorOptions {
  /** A passage is evidence on the claim when agree + disagree is at least this. */
  evidenceAt: number;
  /** Evidence supports when agree / (agree + disagree) is at least this… */
  supportDirection: number;
  /** …and refutes when it is at most this. */
  refuteDirection: number;
  gates: EvidenceGates;
}

// Chosen by 5-fold cross-validation on SciFact train and Check-COVID train claims (and on the
// train parts of LIAR-PLUS and AVeriTeC, never trained on) with
// stance-gbdt-3, jointly with the judge's settings (`npm run tune:verdict`); see models/README.md.
export const DEFAULT_STANCE_THRESHOLDS: StanceAssessorOptions = {
  evidenceAt: 0.05,
  supportDirection: 0.65,
  refuteDirection: 0.45,
  gates: { subject: true, setup: true, negativeResult: true, directAnswer: true },
};

/** How one passage reads: evidence strength, direction, and why it may not take a side. */
interface Reading {
  passage: Passage;
  probs: StanceProbabilities;
  /** agree + disagree. */
  evidence: number;
  /** agree / (agree + disagree). */
  direction: number;
  /** Why this passage cannot take a side, when a gate holds it back. */
  held?: string;
  /** Set when the negative-result rule makes the passage count against the claim. */
  negativeResult?: boolean;
  /** Set when the passage answers a question that restates the claim with a plain yes or no. */
  answer?: "yes" | "no";
}

/** Wraps a stance model as the pipeline's Assessor. */
export function createStanceAssessor(
  model: StancePredictor,
  options: Partial<Omit<StanceAssessorOptions, "gates">> & { gates?: Partial<EvidenceGates> } = {},
): Assessor {
  const opts: StanceAssessorOptions = {
    ...DEFAULT_STANCE_THRESHOLDS,
    ...options,
    gates: { ...DEFAULT_STANCE_THRESHOLDS.gates, ...options.gates },
  };
  return {
    id: `stance:${model.id}`,
    async assess(input: AssessInput, signal?: AbortSignal): Promise<SourceAssessment[]> {
      // A yes/no question is weighed as the statement it asks about.
      const claim = input.claim.statement ?? input.claim.normalized;
      return input.sources.map((source) => {
        signal?.throwIfAborted();
        const passages = input.passages.filter((p) => p.sourceN === source.n);
        return assessSource(model, claim, source, passages, opts);
      });
    },
  };
}

function assessSource(
  model: StancePredictor,
  claim: string,
  source: Source,
  passages: readonly Passage[],
  opts: StanceAssessorOptions,
): SourceAssessment {
  const sourceN = source.n;
  if (passages.length === 0) {
    return {
      sourceN,
      stance: "irrelevant",
      quote: "",
      reason: "No passage of it was selected.",
      confidence: 0.5,
    };
  }
  const pairs: StancePair[] = passages.map((p) => ({
    claim,
    text: p.text,
    context: {
      title: source.title,
      ...(p.section ? { section: p.section } : {}),
      ...(p.subjectFound ? { subjectFound: p.subjectFound } : {}),
    },
  }));
  const probabilities = model.predictMany
    ? model.predictMany(pairs)
    : pairs.map((p) => model.predict(p.claim, p.text, p.context));
  const benefit = opts.gates.negativeResult && claimsBenefit(claim);
  const readings = passages.map((passage, i): Reading => {
    const probs = probabilities[i];
    if (!probs) throw new Error(`stance model ${model.id} gave no prediction for passage ${i}`);
    const evidence = probs.agree + probs.disagree;
    const reading: Reading = {
      passage,
      probs,
      evidence,
      direction: evidence > 0 ? probs.agree / evidence : 0.5,
    };
    const held = gateOf(passage, opts.gates);
    const answer = opts.gates.directAnswer
      ? directAnswer(claim, source.title, passage.text)
      : undefined;
    if (held) reading.held = held;
    else if (answer) reading.answer = answer;
    else if (
      benefit &&
      reportsNegativeResult(passage.text) &&
      (passage.subjectFound === "passage" || passage.subjectFound === "title")
    ) {
      reading.negativeResult = true;
    }
    return reading;
  });
  const open = readings.filter((r) => !r.held);
  const strongest = (list: Reading[]) =>
    list.reduce<Reading | undefined>(
      (best, r) => (!best || r.evidence > best.evidence ? r : best),
      undefined,
    );
  const supporting = strongest(
    open.filter(
      (r) =>
        !r.negativeResult && r.evidence >= opts.evidenceAt && r.direction >= opts.supportDirection,
    ),
  );
  const refuting = strongest(
    open.filter(
      (r) =>
        r.negativeResult || (r.evidence >= opts.evidenceAt && r.direction <= opts.refuteDirection),
    ),
  );
  let stance: Stance;
  let quoted: Reading;
  let confidence: number;
  if (supporting && refuting) {
    stance = "mixed";
    quoted = refuting;
    confidence = Math.min(strength(supporting, opts), strength(refuting, opts));
  } else if (supporting) {
    stance = "supports";
    quoted = supporting;
    confidence = strength(supporting, opts);
  } else if (refuting) {
    stance = "refutes";
    quoted = refuting;
    confidence = strength(refuting, opts);
  } else {
    // Passages that bear on the claim weigh more in the source's stance than those that do not.
    let unrelated = 0;
    let weights = 0;
    for (const r of readings) {
      const w = 1 - r.probs.unrelated + 0.05;
      weights += w;
      unrelated += w * r.probs.unrelated;
    }
    unrelated /= weights;
    const best = readings.reduce((a, b) =>
      b.probs.discuss + b.evidence > a.probs.discuss + a.evidence ? b : a,
    );
    stance = unrelated < 0.5 ? "context" : "irrelevant";
    quoted =
      stance === "context"
        ? best
        : readings.reduce((a, b) => (b.probs.unrelated > a.probs.unrelated ? b : a));
    confidence = stance === "context" ? 1 - unrelated : unrelated;
  }
  return {
    sourceN,
    stance,
    quote: quoted.passage.text,
    reason: reasonFor(stance, quoted, readings, model.id),
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
  };
}

/** Why a passage cannot take a side, or undefined when it may. */
function gateOf(passage: Passage, gates: EvidenceGates): string | undefined {
  if (gates.subject && passage.subjectFound === "nowhere") {
    return "its document does not name what the claim is about";
  }
  if (gates.setup && passage.section && NON_EVIDENCE_SECTIONS.has(passage.section)) {
    return `it is a ${passage.section} sentence, not a finding`;
  }
  if (gates.setup && isAimSentence(passage.text)) return "it states an aim, not a finding";
  return undefined;
}

// A rule's reading (a negative result, a plain yes or no) is a finding stated outright: it
// weighs at least this much, whatever the model's evidence strength.
const RULE_STRENGTH = 0.5;

/** How sure the assessment is: the passage's evidence strength (a rule's at least RULE_STRENGTH). */
function strength(r: Reading, _opts: StanceAssessorOptions): number {
  return r.negativeResult || r.answer ? Math.max(r.evidence, RULE_STRENGTH) : r.evidence;
}

// A plain answer: "Yes", "No", "False", "Not true", "There is no evidence…".
const YES = /^\s*(?:yes|true|correct|that is (?:true|correct))\b/i;
const NO =
  /^\s*(?:no|false|incorrect|not true|untrue|this is (?:false|not true)|there is no (?:evidence|record|indication|proof))\b/i;
const NEGATION = /\b(?:not|no|never|n't|cannot|neither|nor)\b/gi;

/**
 * "yes" or "no" when `answer` opens with a plain yes or no to the question `title`, and that
 * question restates the claim (most of its content words are the claim's); the answer is read
 * against the claim, so a negated question or claim turns it around.
 */
export function directAnswer(
  claim: string,
  title: string,
  answer: string,
): "yes" | "no" | undefined {
  if (!title.trim().endsWith("?")) return undefined;
  const yes = YES.test(answer);
  const no = !yes && NO.test(answer);
  if (!yes && !no) return undefined;
  const stems = (text: string) =>
    new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((w) => w.length > 2 && !QUESTION_WORDS.has(w))
        .map(stemWord),
    );
  const question = stems(title);
  const claimed = stems(claim);
  if (question.size === 0) return undefined;
  const shared = [...question].filter((s) => claimed.has(s)).length;
  if (shared / question.size < 0.5) return undefined;
  const flips =
    ((title.match(NEGATION)?.length ?? 0) + (claim.match(NEGATION)?.length ?? 0)) % 2 === 1;
  return yes !== flips ? "yes" : "no";
}

const QUESTION_WORDS = new Set(
  "the and for are was were did does has have had can could should would will with that this from what which who whom whose when where why how is it its there their any".split(
    " ",
  ),
);

const VERB_OF: Record<Stance, string> = {
  supports: "agrees with",
  refutes: "contradicts",
  mixed: "both agrees with and contradicts",
  context: "discusses without taking a side on",
  irrelevant: "does not bear on",
};

function reasonFor(
  stance: Stance,
  quoted: Reading,
  readings: readonly Reading[],
  id: string,
): string {
  const p = quoted.probs;
  const scores =
    `stance model ${id}: supports ${p.agree.toFixed(2)}, refutes ${p.disagree.toFixed(2)}, ` +
    `context ${p.discuss.toFixed(2)}, unrelated ${p.unrelated.toFixed(2)}`;
  const rule = quoted.negativeResult
    ? " It reports a negative result about the claim's subject, which counts against a claim of benefit."
    : quoted.answer
      ? ` It answers "${quoted.answer}" to a question that restates the claim.`
      : "";
  const held = readings.find((r) => r.held && r.evidence > quoted.evidence);
  const heldNote =
    held && (stance === "context" || stance === "irrelevant")
      ? ` A passage that read as evidence was not counted: ${held.held}.`
      : "";
  return `Its passage ${VERB_OF[stance]} the claim (${scores}).${rule}${heldNote}`;
}
