// The offline assessor: the stance model trained in this project, run on each selected passage
// of a source, then one stance per source with the passage it rests on.
import type { AssessInput, Assessor } from "../core/interfaces/assessor.js";
import type { Passage, PassageSection, SubjectFound } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";

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

export interface StanceAssessorOptions {
  /** A source supports the claim when one of its passages agrees at least this much. */
  supportAt: number;
  /** Otherwise it refutes when a passage disagrees at least this much, and more than it agrees. */
  refuteAt: number;
  /** A source with a supporting passage and another disagreeing this much is `mixed`. */
  mixedAt: number;
}

// Chosen on the SciFact train claims with stance-gbdt-2 (verdict macro-F1 0.538, with the judge's
// defaults; `npm run tune:verdict`):
// the model rarely gives "disagree" a high probability, so a modest one is already a signal.
export const DEFAULT_STANCE_THRESHOLDS: StanceAssessorOptions = {
  supportAt: 0.7,
  refuteAt: 0.3,
  mixedAt: 0.45,
};

const VERB_OF: Record<Stance, string> = {
  supports: "agrees with",
  refutes: "contradicts",
  mixed: "both agrees with and contradicts",
  context: "discusses without taking a side on",
  irrelevant: "does not bear on",
};

/** Wraps a stance model as the pipeline's Assessor. */
export function createStanceAssessor(
  model: StancePredictor,
  options: Partial<StanceAssessorOptions> = {},
): Assessor {
  const opts = { ...DEFAULT_STANCE_THRESHOLDS, ...options };
  return {
    id: `stance:${model.id}`,
    async assess(input: AssessInput, signal?: AbortSignal): Promise<SourceAssessment[]> {
      return input.sources.map((source) => {
        signal?.throwIfAborted();
        const passages = input.passages.filter((p) => p.sourceN === source.n);
        return assessSource(model, input.claim.normalized, source, passages, opts);
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
  const scored = passages.map((passage, i) => {
    const probs = probabilities[i];
    if (!probs) throw new Error(`stance model ${model.id} gave no prediction for passage ${i}`);
    return { passage, probs };
  });
  // Passages that bear on the claim weigh more in the source's stance than those that do not.
  const mean: StanceProbabilities = { agree: 0, disagree: 0, discuss: 0, unrelated: 0 };
  let weights = 0;
  for (const { probs } of scored) {
    const w = 1 - probs.unrelated + 0.05;
    weights += w;
    for (const k of Object.keys(mean) as Array<keyof StanceProbabilities>) mean[k] += w * probs[k];
  }
  for (const k of Object.keys(mean) as Array<keyof StanceProbabilities>) mean[k] /= weights;
  const top = (k: keyof StanceProbabilities) =>
    scored.reduce((best, s) => (s.probs[k] > best.probs[k] ? s : best));
  const bestAgree = top("agree");
  const bestDisagree = top("disagree");
  const agree = bestAgree.probs.agree;
  const disagree = bestDisagree.probs.disagree;
  let stance: Stance;
  let confidence: number;
  let quoted: (typeof scored)[number];
  if (agree >= opts.supportAt && disagree >= opts.mixedAt && bestAgree !== bestDisagree) {
    stance = "mixed";
    confidence = Math.min(agree, disagree);
    quoted = bestDisagree;
  } else if (agree >= opts.supportAt && agree >= disagree) {
    stance = "supports";
    confidence = agree;
    quoted = bestAgree;
  } else if (disagree >= opts.refuteAt && disagree > agree) {
    stance = "refutes";
    confidence = disagree;
    quoted = bestDisagree;
  } else if (mean.unrelated < 0.5) {
    stance = "context";
    confidence = 1 - mean.unrelated;
    quoted = top("discuss");
  } else {
    stance = "irrelevant";
    confidence = mean.unrelated;
    quoted = top("unrelated");
  }
  const p = quoted.probs;
  return {
    sourceN,
    stance,
    quote: quoted.passage.text,
    reason:
      `Its passage ${VERB_OF[stance]} the claim (stance model ${model.id}: supports ${p.agree.toFixed(2)}, ` +
      `refutes ${p.disagree.toFixed(2)}, context ${p.discuss.toFixed(2)}, unrelated ${p.unrelated.toFixed(2)}).`,
    confidence: Math.round(confidence * 1000) / 1000,
  };
}
