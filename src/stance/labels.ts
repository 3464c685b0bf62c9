// The four FNC-1 stances, in the order every table, matrix and model output uses.

export const STANCE_LABELS = ["agree", "disagree", "discuss", "unrelated"] as const;

export type StanceLabel = (typeof STANCE_LABELS)[number];

/** Probabilities of the four stances of a text towards a claim; they sum to 1. */
export type StanceProbabilities = Record<StanceLabel, number>;

export function isStanceLabel(value: string): value is StanceLabel {
  return (STANCE_LABELS as readonly string[]).includes(value);
}

/** The most probable stance; ties go to the earlier label. */
export function topStance(probs: StanceProbabilities): StanceLabel {
  let best: StanceLabel = "agree";
  for (const label of STANCE_LABELS) if (probs[label] > probs[best]) best = label;
  return best;
}
