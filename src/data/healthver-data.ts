// Reads HealthVer (health claims vs. sentences of COVID-19 papers) as stance pairs.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { FactuallyError } from "../core/errors.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { HEALTHVER_SCHEME } from "./label-mappings.js";
import type { PairSet, StancePair } from "./stance-pairs.js";

export type HealthverLabel = (typeof HEALTHVER_SCHEME.labels)[number];

const isLabel = (l: string): l is HealthverLabel =>
  (HEALTHVER_SCHEME.labels as readonly string[]).includes(l);

/** The pairs of one split (columns id, evidence, claim, label, topic_ip, question). */
export function loadHealthver(dir: string, split: "dev" | "test"): PairSet<HealthverLabel> {
  const folder: BenchmarkFolder = {
    dir,
    describe: "the HealthVer folder (data_healthver_dev.csv, data_healthver_test.csv)",
  };
  const name = `data_healthver_${split}.csv`;
  const rows = parse(readFileSync(requireDataFile(folder, name), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string | undefined>>;
  const pairs: Array<StancePair<HealthverLabel>> = [];
  let empty = 0;
  for (const [i, row] of rows.entries()) {
    const label = row.label?.trim() ?? "";
    if (!isLabel(label)) {
      throw new FactuallyError(
        "PARSE_FAILED",
        `${name} row ${i + 2}: label "${label}" is not one of ${HEALTHVER_SCHEME.labels.join(", ")}`,
      );
    }
    const claim = row.claim?.trim() ?? "";
    const evidence = row.evidence?.trim() ?? "";
    if (claim === "" || evidence === "") {
      empty++;
      continue;
    }
    // The file has no claim id; a claim's pairs share its text.
    pairs.push({ id: row.id ?? String(i), claimId: claim, claim, evidence, gold: label });
  }
  return {
    name: `HealthVer ${split} (${pairs.length} pairs)`,
    pairs,
    notes:
      empty > 0
        ? [`${empty} row${empty === 1 ? "" : "s"} without a claim or evidence skipped`]
        : [],
  };
}
