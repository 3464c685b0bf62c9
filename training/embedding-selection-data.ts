import { z } from "zod";
import { readJsonLinesFile } from "../dist/data/json-lines-file.js";
import { requireFile } from "../dist/data/scifact-data.js";

/** One claim with gold evidence: rationale sentences as `docId:index` (0-based into abstract[]). */
export interface EvidenceClaim {
  id: string;
  text: string;
  /** Documents with rationales, in the file's order. */
  evidenceDocs: string[];
  rationale: Set<string>;
  /** All cited documents (the BEIR-style relevant set for document ranking). */
  cited: Set<string>;
}

export interface Abstract {
  id: string;
  title: string;
  sentences: string[];
}

const claimLine = z.object({
  id: z.number(),
  claim: z.string(),
  evidence: z.record(z.string(), z.array(z.object({ sentences: z.array(z.number()) }))),
  cited_doc_ids: z.array(z.number()).default([]),
});

const corpusLine = z.object({
  doc_id: z.number(),
  title: z.string(),
  abstract: z.array(z.string()),
});

/** The sentence id used in rankings and gold sets. */
export function sentenceId(docId: string, index: number): string {
  return `${docId}:${index}`;
}

/** Claims of a split that have evidence (NOT ENOUGH INFO claims have no rationale to find). */
export function loadEvidenceClaims(dir: string, split: "train" | "dev"): EvidenceClaim[] {
  const claims: EvidenceClaim[] = [];
  for (const line of readJsonLinesFile(requireFile(dir, `claims_${split}.jsonl`))) {
    const c = claimLine.parse(line);
    const evidenceDocs = Object.keys(c.evidence);
    if (evidenceDocs.length === 0) continue;
    const rationale = new Set<string>();
    for (const [doc, rationales] of Object.entries(c.evidence)) {
      for (const r of rationales) for (const i of r.sentences) rationale.add(sentenceId(doc, i));
    }
    const cited = new Set([...c.cited_doc_ids.map(String), ...evidenceDocs]);
    claims.push({ id: String(c.id), text: c.claim, evidenceDocs, rationale, cited });
  }
  return claims;
}

/** The corpus by document id. */
export function loadAbstracts(dir: string): Map<string, Abstract> {
  const abstracts = new Map<string, Abstract>();
  for (const line of readJsonLinesFile(requireFile(dir, "corpus.jsonl"))) {
    const d = corpusLine.parse(line);
    abstracts.set(String(d.doc_id), {
      id: String(d.doc_id),
      title: d.title,
      sentences: d.abstract.map((s) => s.trim()),
    });
  }
  return abstracts;
}
