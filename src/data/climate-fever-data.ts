// Reads Climate-FEVER as a claim set: the evidence sentences of all claims form one corpus (one
// document per distinct sentence, titled with its Wikipedia article); claims are checked
// against all of it.
import { z } from "zod";
import { FactuallyError } from "../core/errors.js";
import type { DocumentToStore } from "../core/interfaces/corpus-store.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { type ClaimPart, claimPart } from "./claim-split.js";
import { readJsonLinesFile } from "./json-lines-file.js";
import { CLIMATE_FEVER_SCHEME, type ClimateFeverLabel } from "./label-mappings.js";
import type { VerificationSet } from "./verification-data.js";

const ClimateFeverClaim = z.object({
  claim_id: z.string(),
  claim: z.string(),
  claim_label: z.enum(CLIMATE_FEVER_SCHEME.labels),
  evidences: z.array(
    z.object({
      evidence_id: z.string(),
      evidence_label: z.enum(["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"]),
      article: z.string(),
      evidence: z.string(),
    }),
  ),
});

/** The claims of one part (or all), against every claim's evidence sentences. */
export function loadClimateFever(
  dir: string,
  part: ClaimPart | "all",
): VerificationSet<ClimateFeverLabel> {
  const folder: BenchmarkFolder = {
    dir,
    describe: "the Climate-FEVER folder (climate-fever.jsonl)",
  };
  const rows = readJsonLinesFile(requireDataFile(folder, "climate-fever.jsonl")).map((row, i) => {
    const parsed = ClimateFeverClaim.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new FactuallyError(
        "PARSE_FAILED",
        `climate-fever.jsonl line ${i + 1}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not a Climate-FEVER claim"}`,
      );
    }
    return parsed.data;
  });
  // A sentence is evidence for several claims; it is one document of the corpus.
  const documents = new Map<string, DocumentToStore>();
  let sentences = 0;
  for (const row of rows) {
    for (const e of row.evidences) {
      sentences++;
      documents.set(e.evidence_id, { id: e.evidence_id, title: e.article, text: e.evidence });
    }
  }
  const claims = rows
    .filter((row) => part === "all" || claimPart("climate-fever", row.claim_id) === part)
    .map((row) => ({
      id: row.claim_id,
      text: row.claim.trim(),
      gold: row.claim_label,
      // Evidence is what annotators said takes a side; NOT_ENOUGH_INFO sentences are not.
      evidence: [
        ...new Set(
          row.evidences
            .filter((e) => e.evidence_label !== "NOT_ENOUGH_INFO")
            .map((e) => e.evidence_id),
        ),
      ],
    }));
  return {
    name: `Climate-FEVER, ${part === "all" ? "all claims" : `${part} part`} (${claims.length} claims)`,
    documents: [...documents.values()],
    claims,
    notes: [
      `${sentences} evidence sentences of ${rows.length} claims, ${documents.size} distinct: one document each`,
    ],
  };
}
