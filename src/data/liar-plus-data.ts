// Reads LIAR-PLUS (PolitiFact statements with the justifications of their rulings) as a claim
// set: the justifications of one part's claims are the corpus, the statements the claims.
// Never reads the speaker's earlier-verdict counts (columns 9–13), a known shortcut.
import { readFileSync } from "node:fs";
import { FactuallyError } from "../core/errors.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { type ClaimPart, claimPart } from "./claim-split.js";
import type { LIAR_SCHEME } from "./label-mappings.js";
import type { VerificationSet } from "./verification-data.js";

export type LiarLabel = (typeof LIAR_SCHEME.labels)[number];

/** PolitiFact's six ratings collapsed to three (as in the data's README). */
export const LIAR_COLLAPSE: Readonly<Record<string, LiarLabel>> = {
  true: "true",
  "mostly-true": "true",
  "half-true": "mixed",
  "barely-true": "false",
  false: "false",
  "pants-fire": "false",
};

// Column numbers of val2.tsv (see the data's README).
const ID = 1;
const LABEL = 2;
const STATEMENT = 3;
const JUSTIFICATION = 15;

/** The claims of one part of val2.tsv and, as the corpus, their justifications. */
export function loadLiarPlus(dir: string, part: ClaimPart): VerificationSet<LiarLabel> {
  const folder: BenchmarkFolder = { dir, describe: "the LIAR-PLUS folder (val2.tsv)" };
  const lines = readFileSync(requireDataFile(folder, "val2.tsv"), "utf8").split("\n");
  const set: VerificationSet<LiarLabel> = { name: "", documents: [], claims: [] };
  let rows = 0;
  let unjustified = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") continue;
    // Tab-split, not a CSV reader: quotes inside fields are not escaped.
    const cells = line.split("\t");
    const id = cells[ID] ?? "";
    const gold = LIAR_COLLAPSE[cells[LABEL] ?? ""];
    if (cells.length < JUSTIFICATION + 1 || id === "" || gold === undefined) {
      throw new FactuallyError(
        "PARSE_FAILED",
        `val2.tsv line ${i + 1}: expected 16 tab-separated columns with a statement id and one of ${Object.keys(LIAR_COLLAPSE).join(", ")}`,
      );
    }
    if (claimPart("liar-plus", id) !== part) continue;
    rows++;
    const justification = (cells[JUSTIFICATION] ?? "").trim();
    if (justification === "") {
      unjustified++;
      continue;
    }
    // Only the justification: never the label, the speaker or the speaker's counts.
    set.documents.push({ id, title: "", text: justification });
    set.claims.push({ id, text: (cells[STATEMENT] ?? "").trim(), gold, evidence: [id] });
  }
  set.name = `LIAR-PLUS val2, ${part} part (${set.claims.length} claims)`;
  set.notes = [`${rows} rows in the ${part} part; ${unjustified} without a justification skipped`];
  return set;
}
