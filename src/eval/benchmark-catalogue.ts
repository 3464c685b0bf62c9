// The benchmarks `factually eval` runs through the pipeline, as plain data: command name, data
// folder, splits and a one-line description. Imports nothing, so the command line can list
// them without loading any pipeline code.

export interface CatalogueEntry {
  /** Folder under ../shared/data. */
  folder: string;
  splits: readonly string[];
  defaultSplit: string;
  /** What the --split values mean. */
  splitHelp: string;
  /** For the command's help: what is measured on what. */
  what: string;
}

const PARTS = ["report", "train"] as const;
const PART_HELP = "report = the ~30% of claims kept for reporting; train = the rest";

/** Claim-level benchmarks: the full check on each claim, open retrieval over a corpus. */
export const VERIFY_CATALOGUE = {
  "scifact-verify": {
    folder: "scifact",
    splits: ["dev", "train"],
    defaultSplit: "dev",
    splitHelp: "which claims",
    what: "the full check on SciFact claims (300 dev) against 5,183 abstracts",
  },
  "check-covid": {
    folder: "check-covid",
    splits: ["test", "dev", "train"],
    defaultSplit: "test",
    splitHelp: "which claims",
    what: "the full check on Check-COVID claims (229 test) against 347 abstracts",
  },
  "liar-plus": {
    folder: "liar-plus",
    splits: PARTS,
    defaultSplit: "report",
    splitHelp: PART_HELP,
    what: "the full check on LIAR-PLUS statements against their part's ruling justifications (3 labels)",
  },
  averitec: {
    folder: "averitec-subset",
    splits: PARTS,
    defaultSplit: "report",
    splitHelp: PART_HELP,
    what: "the full check on AVeriTeC claims against the question–answer evidence of all 999 claims (4 labels; CC BY-NC, evaluation only)",
  },
  "climate-fever": {
    folder: "climate-fever",
    splits: [...PARTS, "all"],
    defaultSplit: "report",
    splitHelp: `${PART_HELP}; all = every claim`,
    what: "the full check on Climate-FEVER claims against the evidence sentences of all 1,535 claims (4 labels, and 3 without DISPUTED)",
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Pair benchmarks: the assessor alone on (claim, evidence) pairs, no retrieval. */
export const PAIR_CATALOGUE = {
  healthver: {
    folder: "healthver",
    splits: ["test", "dev"],
    defaultSplit: "test",
    splitHelp: "which pairs",
    what: "the assessor's stance on HealthVer claim–evidence pairs (Supports / Refutes / Neutral)",
  },
  wice: {
    folder: "wice",
    splits: ["test", "dev"],
    defaultSplit: "test",
    splitHelp: "which pairs (oracle chunks)",
    what: "the assessor's stance on WiCE claims vs. their cited pages' oracle chunks (supported / partially / not)",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type VerifyBenchmarkName = keyof typeof VERIFY_CATALOGUE;
export type PairBenchmarkName = keyof typeof PAIR_CATALOGUE;
