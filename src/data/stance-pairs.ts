// A benchmark of (claim, evidence) pairs with gold stance labels, as the readers give it.

export interface StancePair<L extends string> {
  /** Unique per pair. */
  id: string;
  /** The claim's id: pairs of one claim share it. */
  claimId: string;
  claim: string;
  evidence: string;
  gold: L;
}

export interface PairSet<L extends string> {
  name: string;
  pairs: Array<StancePair<L>>;
  notes?: string[];
}
