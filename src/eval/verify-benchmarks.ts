// The claim-level benchmarks `factually eval` runs through the full check: how each one's claims
// and corpus are read, how verdicts map onto its labels, and any further view of the same
// outcomes (a subset, another labelling). Folders and splits: benchmark-catalogue.ts.
import { loadAveritec } from "../data/averitec-data.js";
import type { ClaimPart } from "../data/claim-split.js";
import { loadClimateFever } from "../data/climate-fever-data.js";
import {
  AVERITEC_SCHEME,
  CLIMATE_FEVER_3WAY_SCHEME,
  CLIMATE_FEVER_SCHEME,
  LIAR_SCHEME,
  SCIFACT_SCHEME,
  type VerdictScheme,
} from "../data/label-mappings.js";
import { loadLiarPlus } from "../data/liar-plus-data.js";
import {
  loadCheckCovid,
  loadScifactVerification,
  type VerificationSet,
} from "../data/verification-data.js";
import type { VerifyBenchmarkName } from "./benchmark-catalogue.js";
import { scifactUnseenDevClaims } from "./scifact-unseen.js";
import { type ClaimOutcome, scoreOutcomes, type VerificationMetrics } from "./verification.js";

/** Another row of figures over the same run: a subset of the claims or another labelling. */
export interface VerifyView {
  /** Key under `metrics` in the JSON line. */
  key: string;
  /** Row label in the table. */
  label: string;
  claims: number;
  scheme: VerdictScheme<string>;
  metrics: VerificationMetrics<string>;
  /** What the reader should know about how the view was made. */
  note?: string;
}

export interface VerifyBenchmark<L extends string = string> {
  /** What one corpus document is, for the report's header. */
  documentNoun: string;
  scheme: VerdictScheme<L>;
  load(dir: string, split: string): VerificationSet<L>;
  views?(outcomes: ReadonlyArray<ClaimOutcome<L>>, dir: string, split: string): VerifyView[];
}

const scifact: VerifyBenchmark<(typeof SCIFACT_SCHEME.labels)[number]> = {
  documentNoun: "abstracts",
  scheme: SCIFACT_SCHEME,
  load: (dir, split) => loadScifactVerification(dir, split as "dev" | "train"),
  views(outcomes, dir, split) {
    if (split !== "dev") return [];
    const unseen = scifactUnseenDevClaims(dir);
    const subset = outcomes.filter((o) => unseen.ids.has(o.id));
    return [
      {
        key: "unseen",
        label: "unseen evidence",
        claims: subset.length,
        scheme: SCIFACT_SCHEME,
        metrics: scoreOutcomes(subset, SCIFACT_SCHEME),
        note:
          `unseen evidence: the ${unseen.ids.size} dev claims none of whose evidence abstracts is a train claim's evidence ` +
          `(${unseen.seenSentences} of ${unseen.sentences} dev rationale sentences are train rationales word for word; NEI claims count as unseen)`,
      },
    ];
  },
};

const checkCovid: VerifyBenchmark<(typeof SCIFACT_SCHEME.labels)[number]> = {
  documentNoun: "abstracts",
  scheme: SCIFACT_SCHEME,
  load: (dir, split) => loadCheckCovid(dir, split as "test" | "dev" | "train"),
};

const liarPlus: VerifyBenchmark<(typeof LIAR_SCHEME.labels)[number]> = {
  documentNoun: "justifications",
  scheme: LIAR_SCHEME,
  load: (dir, split) => loadLiarPlus(dir, split as ClaimPart),
};

const averitec: VerifyBenchmark<(typeof AVERITEC_SCHEME.labels)[number]> = {
  documentNoun: "question–answer pairs",
  scheme: AVERITEC_SCHEME,
  load: (dir, split) => loadAveritec(dir, split as ClaimPart),
};

const climateFever: VerifyBenchmark<(typeof CLIMATE_FEVER_SCHEME.labels)[number]> = {
  documentNoun: "evidence sentences",
  scheme: CLIMATE_FEVER_SCHEME,
  load: (dir, split) => loadClimateFever(dir, split as ClaimPart | "all"),
  views(outcomes) {
    const scheme = CLIMATE_FEVER_3WAY_SCHEME;
    const threeWay = outcomes.flatMap((o) =>
      o.gold === "DISPUTED"
        ? []
        : [{ ...o, gold: o.gold, predicted: scheme.fromVerdict[o.verdict] }],
    );
    return [
      {
        key: "three_way",
        label: "3-way, no DISPUTED",
        claims: threeWay.length,
        scheme,
        metrics: scoreOutcomes(threeWay, scheme),
        note: "3-way: DISPUTED claims left out; misleading → REFUTES and mixed → NOT_ENOUGH_INFO, as for SciFact",
      },
    ];
  },
};

/** Every claim-level benchmark, by command name. */
export const VERIFY_BENCHMARKS: Readonly<Record<VerifyBenchmarkName, VerifyBenchmark>> = {
  "scifact-verify": scifact,
  "check-covid": checkCovid,
  "liar-plus": liarPlus,
  averitec,
  "climate-fever": climateFever,
};
