// Reads WiCE's oracle-chunk claim files (a Wikipedia claim vs. the sentences of its cited web
// page that annotators marked, padded with random ones) as stance pairs. Most claims have
// about three rows, one per annotator's chunk.
import { z } from "zod";
import { FactuallyError } from "../core/errors.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { readJsonLinesFile } from "./json-lines-file.js";
import { WICE_SCHEME, type WiceLabel } from "./label-mappings.js";
import type { PairSet, StancePair } from "./stance-pairs.js";

const WiceRow = z.object({
  label: z.enum(WICE_SCHEME.labels),
  claim: z.string(),
  evidence: z.array(z.string()),
  meta: z.object({ id: z.string() }),
});

/** The oracle-chunk pairs of one split; a pair's evidence is its chunk's sentences joined. */
export function loadWice(dir: string, split: "dev" | "test"): PairSet<WiceLabel> {
  const folder: BenchmarkFolder = {
    dir,
    describe: `the WiCE folder (code_and_resources_entailment_inputs_oracle_chunks_claim_${split}.jsonl)`,
  };
  const name = `code_and_resources_entailment_inputs_oracle_chunks_claim_${split}.jsonl`;
  const chunks = new Map<string, number>();
  const pairs = readJsonLinesFile(requireDataFile(folder, name)).map(
    (raw, i): StancePair<WiceLabel> => {
      const parsed = WiceRow.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new FactuallyError(
          "PARSE_FAILED",
          `${name} line ${i + 1}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not a WiCE row"}`,
        );
      }
      const row = parsed.data;
      const k = chunks.get(row.meta.id) ?? 0;
      chunks.set(row.meta.id, k + 1);
      return {
        id: `${row.meta.id}#${k}`,
        claimId: row.meta.id,
        claim: row.claim.trim(),
        evidence: row.evidence.map((s) => s.trim()).join(" "),
        gold: row.label,
      };
    },
  );
  return {
    name: `WiCE ${split}, oracle chunks (${pairs.length} pairs of ${chunks.size} claims)`,
    pairs,
  };
}
