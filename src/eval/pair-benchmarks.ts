// The pair benchmarks `factually eval` runs through the assessor alone: how each one's pairs
// are read, how stances map onto its labels, and any further view of the same outcomes.

import { loadHealthver } from "../data/healthver-data.js";
import {
  HEALTHVER_SCHEME,
  type StanceScheme,
  WICE_SCHEME,
  type WiceLabel,
} from "../data/label-mappings.js";
import type { PairSet } from "../data/stance-pairs.js";
import { loadWice } from "../data/wice-data.js";
import type { PairBenchmarkName } from "./benchmark-catalogue.js";
import { type LabelScores, scoreLabels } from "./label-scores.js";
import type { PairOutcome } from "./stance-pairs.js";

/** Another row of figures over the same run: other labels, or claims instead of pairs. */
export interface PairView {
  /** Key under `metrics` in the JSON line. */
  key: string;
  /** Row label in the table. */
  label: string;
  /** Pairs or claims scored. */
  count: number;
  labels: readonly string[];
  metrics: LabelScores<string>;
  note?: string;
}

export interface PairBenchmark<L extends string = string> {
  scheme: StanceScheme<L>;
  load(dir: string, split: string): PairSet<L>;
  views?(outcomes: ReadonlyArray<PairOutcome<L>>): PairView[];
}

const TWO_WAY = ["supported", "other"] as const;
const twoWay = (label: WiceLabel) => (label === "supported" ? "supported" : "other");

/**
 * WiCE's two-way figures: supported vs. the rest, per pair and per claim — a claim counts as
 * supported when any of its chunks is (the maximum over chunks, as WiCE's README suggests).
 */
export function wiceTwoWayViews(outcomes: ReadonlyArray<PairOutcome<WiceLabel>>): PairView[] {
  const claims = new Map<string, { gold: string; predicted: string }>();
  for (const o of outcomes) {
    const seen = claims.get(o.claimId);
    const predicted = twoWay(o.predicted);
    if (!seen) claims.set(o.claimId, { gold: twoWay(o.gold), predicted });
    else if (predicted === "supported") seen.predicted = "supported";
  }
  const perClaim = [...claims.values()];
  return [
    {
      key: "two_way",
      label: "2-way pairs",
      count: outcomes.length,
      labels: TWO_WAY,
      metrics: scoreLabels(
        outcomes.map((o) => twoWay(o.gold)),
        outcomes.map((o) => twoWay(o.predicted)),
        TWO_WAY,
      ),
    },
    {
      key: "claims_two_way",
      label: "2-way claims",
      count: perClaim.length,
      labels: TWO_WAY,
      metrics: scoreLabels(
        perClaim.map((c) => c.gold),
        perClaim.map((c) => c.predicted),
        TWO_WAY,
      ),
      note: "2-way: supported vs. partially or not supported; a claim is supported when any of its chunks is",
    },
  ];
}

const healthver: PairBenchmark<(typeof HEALTHVER_SCHEME.labels)[number]> = {
  scheme: HEALTHVER_SCHEME,
  load: (dir, split) => loadHealthver(dir, split as "dev" | "test"),
};

const wice: PairBenchmark<WiceLabel> = {
  scheme: WICE_SCHEME,
  load: (dir, split) => loadWice(dir, split as "dev" | "test"),
  views: wiceTwoWayViews,
};

/** Every pair benchmark, by command name. */
export const PAIR_BENCHMARKS: Readonly<Record<PairBenchmarkName, PairBenchmark>> = {
  healthver,
  wice,
};
