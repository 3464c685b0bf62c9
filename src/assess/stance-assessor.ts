// The offline assessor: the stance model trained in this project, run on each selected passage
// of a source, then one stance per source with the passage it rests on.
import type { AssessInput, Assessor } from "../core/interfaces/assessor.js";
import type { Passage } from "../core/schema/document.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";

/** Probabilities of the four FNC-1 stances of a text towards a claim (sum 1). */
export interface StanceProbabilities {
  agree: number;
  disagree: number;
  discuss: number;
  unrelated: number;
}

/** A stance model: anything that scores (claim, text) pairs. */
export interface StancePredictor {
  readonly id: string;
  predict(claim: string, text: string): StanceProbabilities;
}

export interface StanceAssessorOptions {
  /** A source with a passage above this agree and one above this disagree is `mixed`. */
  mixedThreshold: number;
}

const STANCE_OF = {
  agree: "supports",
  disagree: "refutes",
  discuss: "context",
  unrelated: "irrelevant",
} as const satisfies Record<keyof StanceProbabilities, Stance>;

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
  const opts = { mixedThreshold: 0.45, ...options };
  return {
    id: `stance:${model.id}`,
    async assess(input: AssessInput, signal?: AbortSignal): Promise<SourceAssessment[]> {
      return input.sources.map((source) => {
        signal?.throwIfAborted();
        const passages = input.passages.filter((p) => p.sourceN === source.n);
        return assessSource(model, input.claim.normalized, source.n, passages, opts);
      });
    },
  };
}

function assessSource(
  model: StancePredictor,
  claim: string,
  sourceN: number,
  passages: readonly Passage[],
  opts: StanceAssessorOptions,
): SourceAssessment {
  if (passages.length === 0) {
    return {
      sourceN,
      stance: "irrelevant",
      quote: "",
      reason: "No passage of it was selected.",
      confidence: 0.5,
    };
  }
  const scored = passages.map((p) => ({ passage: p, probs: model.predict(claim, p.text) }));
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
  let stance: Stance;
  let confidence: number;
  let quoted: (typeof scored)[number];
  if (
    bestAgree.probs.agree >= opts.mixedThreshold &&
    bestDisagree.probs.disagree >= opts.mixedThreshold &&
    bestAgree !== bestDisagree
  ) {
    stance = "mixed";
    confidence = Math.min(bestAgree.probs.agree, bestDisagree.probs.disagree);
    quoted = bestDisagree;
  } else {
    const label = (Object.keys(mean) as Array<keyof StanceProbabilities>).reduce((a, b) =>
      mean[b] > mean[a] ? b : a,
    );
    stance = STANCE_OF[label];
    confidence = mean[label];
    quoted = top(label);
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
