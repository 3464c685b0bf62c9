// How our verdicts and stances map onto each benchmark's labels, in one place, each with why.
// docs/evaluation.md states the same tables.
import type { Stance } from "../core/schema/source-assessment.js";
import type { VerdictLabel } from "../core/schema/verdict.js";

/** A benchmark's claim labels and how our verdict labels map onto them. */
export interface VerdictScheme<L extends string> {
  /** The labels, in the order tables and confusion matrices use. */
  labels: readonly L[];
  /** Each of our verdict labels (questions' labels included) as one of the benchmark's. */
  fromVerdict: Readonly<Record<VerdictLabel, L>>;
  /** Short names for table headers, where a label is long. */
  short?: Readonly<Partial<Record<L, string>>>;
}

/** The question verdicts: a benchmark claim read as a question is not settled by them. */
const questionsAs = <L extends string>(label: L) => ({
  documented: label,
  "partly-documented": label,
  undocumented: label,
});

/**
 * SciFact and Check-COVID: only a verdict that takes a side counts as SUPPORT or REFUTE;
 * `misleading` (divided evidence on an absolutely worded claim) says the claim as stated is
 * wrong; `mixed` and `unverified` say the evidence does not settle it.
 */
export const SCIFACT_SCHEME: VerdictScheme<"SUPPORT" | "REFUTE" | "NEI"> = {
  labels: ["SUPPORT", "REFUTE", "NEI"],
  fromVerdict: {
    supported: "SUPPORT",
    "mostly-supported": "SUPPORT",
    refuted: "REFUTE",
    misleading: "REFUTE",
    mixed: "NEI",
    unverified: "NEI",
    ...questionsAs("NEI"),
  },
};

/**
 * LIAR-PLUS collapsed to three labels (true + mostly-true → true; half-true → mixed;
 * barely-true + false + pants-fire → false). `mixed` and `misleading` both mean divided
 * evidence, as half-true means "partially accurate". `unverified` is the middle label too,
 * "not settled": PolitiFact rates a claim without evidence false, but our `unverified` means
 * the sources found did not settle it, not that there is no evidence — and sending it to
 * false would turn a failure to find evidence into a point on a set that is half false.
 */
export const LIAR_SCHEME: VerdictScheme<"true" | "mixed" | "false"> = {
  labels: ["true", "mixed", "false"],
  fromVerdict: {
    supported: "true",
    "mostly-supported": "true",
    mixed: "mixed",
    misleading: "mixed",
    unverified: "mixed",
    refuted: "false",
    ...questionsAs("mixed"),
  },
};

export type AveritecLabel =
  | "Supported"
  | "Refuted"
  | "Conflicting Evidence/Cherrypicking"
  | "Not Enough Evidence";

/**
 * AVeriTeC: its "Conflicting Evidence/Cherrypicking" is evidence both ways or a claim true in
 * letter but misleading — our `mixed` and `misleading`; "Not Enough Evidence" is what our
 * `unverified` says.
 */
export const AVERITEC_SCHEME: VerdictScheme<AveritecLabel> = {
  labels: ["Supported", "Refuted", "Conflicting Evidence/Cherrypicking", "Not Enough Evidence"],
  fromVerdict: {
    supported: "Supported",
    "mostly-supported": "Supported",
    refuted: "Refuted",
    mixed: "Conflicting Evidence/Cherrypicking",
    misleading: "Conflicting Evidence/Cherrypicking",
    unverified: "Not Enough Evidence",
    ...questionsAs("Not Enough Evidence"),
  },
  short: { "Conflicting Evidence/Cherrypicking": "Conflicting", "Not Enough Evidence": "NEE" },
};

export type ClimateFeverLabel = "SUPPORTS" | "REFUTES" | "NOT_ENOUGH_INFO" | "DISPUTED";

/**
 * Climate-FEVER, four labels: DISPUTED means the claim's evidence has both supporting and
 * refuting sentences — our divided-evidence verdicts `mixed` and `misleading`.
 */
export const CLIMATE_FEVER_SCHEME: VerdictScheme<ClimateFeverLabel> = {
  labels: ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"],
  fromVerdict: {
    supported: "SUPPORTS",
    "mostly-supported": "SUPPORTS",
    refuted: "REFUTES",
    mixed: "DISPUTED",
    misleading: "DISPUTED",
    unverified: "NOT_ENOUGH_INFO",
    ...questionsAs("NOT_ENOUGH_INFO"),
  },
  short: { NOT_ENOUGH_INFO: "NEI" },
};

/**
 * Climate-FEVER without its DISPUTED claims: three labels with SciFact's mapping (`misleading`
 * → REFUTES, `mixed` → NOT_ENOUGH_INFO), so the figure compares with SciFact's.
 */
export const CLIMATE_FEVER_3WAY_SCHEME: VerdictScheme<Exclude<ClimateFeverLabel, "DISPUTED">> = {
  labels: ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"],
  fromVerdict: {
    supported: "SUPPORTS",
    "mostly-supported": "SUPPORTS",
    refuted: "REFUTES",
    misleading: "REFUTES",
    mixed: "NOT_ENOUGH_INFO",
    unverified: "NOT_ENOUGH_INFO",
    ...questionsAs("NOT_ENOUGH_INFO"),
  },
  short: { NOT_ENOUGH_INFO: "NEI" },
};

/** A pair benchmark's labels and how the assessor's stance of one source maps onto them. */
export interface StanceScheme<L extends string> {
  labels: readonly L[];
  fromStance: Readonly<Record<Stance, L>>;
  short?: Readonly<Partial<Record<L, string>>>;
}

/** HealthVer: a stance that takes a side is Supports or Refutes; anything else is Neutral. */
export const HEALTHVER_SCHEME: StanceScheme<"Supports" | "Refutes" | "Neutral"> = {
  labels: ["Supports", "Refutes", "Neutral"],
  fromStance: {
    supports: "Supports",
    refutes: "Refutes",
    mixed: "Neutral",
    context: "Neutral",
    irrelevant: "Neutral",
  },
};

export type WiceLabel = "supported" | "partially_supported" | "not_supported";

/**
 * WiCE: our stance has no "partly". `mixed` (one passage agrees, another disagrees) is the
 * nearest to "part of the claim holds"; `refutes`, `context` and `irrelevant` all leave the
 * claim not supported by the text (WiCE has no refuted class).
 */
export const WICE_SCHEME: StanceScheme<WiceLabel> = {
  labels: ["supported", "partially_supported", "not_supported"],
  fromStance: {
    supports: "supported",
    mixed: "partially_supported",
    refutes: "not_supported",
    context: "not_supported",
    irrelevant: "not_supported",
  },
  short: { partially_supported: "partial", not_supported: "not supp." },
};
