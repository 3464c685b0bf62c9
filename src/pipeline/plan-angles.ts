// The two steered searches' angles: the words a fact-checker would add to the claim's own terms
// to turn up what would support it and what would undermine it, chosen by the claim's shape.
import type { Claim } from "../core/schema/claim.js";

/** What a claim asserts, as far as the choice of search words goes. */
export type ClaimShape = "benefit" | "harm" | "statistic" | "question" | "general";

export interface PlanAngles {
  shape: ClaimShape;
  /** True when the claim denies an effect ("does not prevent"): the angles trade places. */
  negated: boolean;
  /** Words that find what would support the claim (or document an answer). */
  supporting: string;
  /** Words that find what would undermine it: null results, failures, risks, criticism. */
  critical: string;
}

// Short keyword lists, not sentences: the corpus search is BM25 over words (FTS5), so each word
// adds documents that use it, weighted by how rare it is. Two or three per angle keep the
// claim's own terms in charge of the ranking.
const ANGLES: Record<ClaimShape, { for: string; against: string }> = {
  // "Masks reduce transmission": trials and outcomes vs. null results and harms.
  benefit: { for: "effective benefit outcomes", against: "no effect ineffective risks" },
  // "5G spreads COVID-19": an observed association vs. its absence and the debunking.
  harm: { for: "associated increased risk", against: "no association misinformation" },
  // "80% of infections are asymptomatic": the estimates vs. their revisions and uncertainty.
  statistic: { for: "estimate data", against: "overestimated uncertainty revised" },
  // As on the page a check writes (docs/how-a-check-works.md): "…joint operations success stories" / "…communication challenges".
  question: { for: "examples findings", against: "challenges limitations criticism" },
  general: { for: "evidence results", against: "criticism disputed limitations" },
};

const NEGATION =
  /\b(not|no|never|cannot|can't|doesn't|don't|didn't|isn't|aren't|won't|neither|nor)\b/i;

// Verbs and adjectives of a claimed good effect, or of a claimed harm or cause (by word start,
// so "reduces", "reduced", "reducing" all count).
const BENEFIT =
  /\b(prevent|reduc|lower|protect|cure|treat|improv|help|heal|boost|work|effective|benefi|sav|stop|block|shorten|decreas|reliev|safe|inhibit|suppress|slow)/i;
const HARM =
  /\b(caus|spread|increas|kill|harm|damag|trigger|induc|lead|leads|led|link|associat|risk|worsen|dangerous|toxic|deadl|raise|rais|promot|contribut|transmit)/i;
// A number standing as a word ("80%", "1 in 5", "76-85%"), not one inside a name ("COVID-19",
// "5G", "B12"), or a word for a proportion.
const STATISTIC =
  /(?:^|[\s(])\d+(?:[.,]\d+)*(?:[-–]\d+(?:[.,]\d+)*)?(?:\s*%|(?=[\s,.;:)]|$))|\b(percent|half|third|quarter|majority|minority|million|billion|thousand|fewer|twice|double)\b/i;

// Questions answered yes or no ("Do masks work?") test a statement; others ask for facts.
const YES_NO = /^(is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/i;

/** The angles for `claim`; deterministic. */
export function anglesFor(claim: Claim): PlanAngles {
  const text = claim.normalized;
  const shape = shapeOf(claim);
  const negated = shape !== "question" && NEGATION.test(text);
  const words = ANGLES[shape];
  return negated
    ? { shape, negated, supporting: words.against, critical: words.for }
    : { shape, negated, supporting: words.for, critical: words.against };
}

function shapeOf(claim: Claim): ClaimShape {
  const text = claim.normalized;
  if (claim.kind === "question" && !YES_NO.test(text)) return "question";
  // A number is what a statistic claim is about; it is checked before the verbs around it.
  if (STATISTIC.test(text)) return "statistic";
  const benefit = BENEFIT.exec(text)?.index ?? Number.POSITIVE_INFINITY;
  const harm = HARM.exec(text)?.index ?? Number.POSITIVE_INFINITY;
  // The first such verb is the claim's own ("Masks reduce the risk…" is a benefit).
  if (benefit < harm) return "benefit";
  if (harm < benefit) return "harm";
  return "general";
}
