// Claim sets whose evidence is annotated sentence by sentence (SciFact, Check-COVID): the claims,
// their gold label, which sentences of which abstract are the evidence, and the abstracts.
import { join } from "node:path";
import { jsonLines } from "./science-data.ts";

/** A document as a list of sentences (the annotations count sentences from 0). */
export interface SentenceDocument {
  id: string;
  title: string;
  sentences: string[];
}

export type GoldVerdict = "SUPPORT" | "REFUTE" | "NEI";

export interface EvidenceClaim {
  id: string;
  text: string;
  gold: GoldVerdict;
  /**
   * Claims of one group share a side of every split: SciFact's twin claims cite the same
   * abstracts (often with opposite labels), Check-COVID's three versions of a claim one id.
   */
  group: string;
  /** Evidence sentences by document id (none for NEI). */
  evidence: ReadonlyMap<string, readonly number[]>;
  /** Documents the claim cites or was written from, evidence or not. */
  cited: readonly string[];
}

export interface EvidenceSet {
  name: string;
  documents: SentenceDocument[];
  claims: EvidenceClaim[];
}

/** SciFact claims of one split with their rationale sentences (REFUTE for CONTRADICT). */
export function scifactEvidenceSet(dataDir: string, split: "train" | "dev"): EvidenceSet {
  const dir = join(dataDir, "scifact");
  const documents = jsonLines(join(dir, "corpus.jsonl")).map((d) => ({
    id: String(d.doc_id),
    title: String(d.title ?? ""),
    sentences: (d.abstract as unknown[]).map(String),
  }));
  const claims = jsonLines(join(dir, `claims_${split}.jsonl`)).map((c): EvidenceClaim => {
    const raw = (c.evidence ?? {}) as Record<string, Array<{ sentences: number[]; label: string }>>;
    const first = Object.values(raw).flat()[0]?.label;
    const gold: GoldVerdict = first === "SUPPORT" ? "SUPPORT" : first ? "REFUTE" : "NEI";
    const evidence = new Map(
      Object.entries(raw).map(([doc, rationales]) => [
        doc,
        [...new Set(rationales.flatMap((r) => r.sentences))].sort((a, b) => a - b),
      ]),
    );
    const cited = ((c.cited_doc_ids as unknown[]) ?? []).map(String);
    return {
      id: String(c.id),
      text: String(c.claim),
      gold,
      group: `scifact:${[...(cited.length > 0 ? cited : [String(c.id)])].sort().join(",")}`,
      evidence,
      cited,
    };
  });
  return { name: `SciFact ${split}`, documents, claims };
}

/** Check-COVID claims of one split with their evidence sentences. */
export function checkCovidEvidenceSet(
  dataDir: string,
  split: "train" | "dev" | "test",
): EvidenceSet {
  const dir = join(dataDir, "check-covid");
  const documents = jsonLines(join(dir, "corpus.json")).map((d) => ({
    id: `cord:${String(d.cord_id)}`,
    title: String(d.title ?? ""),
    sentences: (d.abstract as unknown[]).map(String),
  }));
  const files =
    split === "test"
      ? ["test/covidCheck_test_composed.json", "test/covidCheck_test_extracted.json"]
      : [`${split}/covidCheck_${split}_composed+extracted.json`];
  const claims = files.flatMap((f) =>
    jsonLines(join(dir, f)).map((c): EvidenceClaim => {
      const label = String(c.label);
      const gold: GoldVerdict =
        label === "SUPPORT" ? "SUPPORT" : label === "REFUTE" ? "REFUTE" : "NEI";
      const doc = `cord:${String(c.cord_id)}`;
      const sentences = ((c.evidence_set as Array<{ sent_index: number }>) ?? []).map(
        (e) => e.sent_index,
      );
      return {
        id: String(c.id),
        text: String(c.claim).trim(),
        gold,
        group: `check-covid:${String(c.id).split("_")[0]}`,
        // An NEI claim's sentences are the ones annotators found insufficient: not evidence.
        evidence: gold === "NEI" ? new Map() : new Map([[doc, sentences]]),
        cited: [doc],
      };
    }),
  );
  return { name: `Check-COVID ${split}`, documents, claims };
}
