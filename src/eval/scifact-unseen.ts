// SciFact dev claims whose evidence the stance model cannot have seen in training: about half
// of dev's rationale sentences appear word for word among train rationales (SciFact's negated
// twin claims cite the same abstracts, often with the opposite label), so figures on all dev
// claims can flatter — or, on the twins, sink — a model trained on SciFact train. A claim
// counts as unseen when none of its evidence abstracts is the evidence of a train claim (so no
// sentence of them was a training rationale); NEI claims have no evidence and count as unseen.
import { type BenchmarkFolder, requireDataFile } from "../data/benchmark-files.js";
import { readJsonLinesFile } from "../data/json-lines-file.js";

/** A claim, its evidence abstracts and the text of its rationale sentences. */
export interface RationaleClaim {
  id: string;
  documents: string[];
  sentences: string[];
}

export interface UnseenSubset {
  /** Ids of the claims none of whose evidence abstracts is evidence in the reference claims. */
  ids: Set<string>;
  /** Rationale sentences of the claims (with repeats across claims). */
  sentences: number;
  /** Of them, those that occur among the reference sentences. */
  seenSentences: number;
}

/** The claims none of whose evidence abstracts is evidence in `reference`. */
export function unseenEvidenceClaims(
  claims: readonly RationaleClaim[],
  reference: readonly RationaleClaim[],
): UnseenSubset {
  const knownDocuments = new Set(reference.flatMap((c) => c.documents));
  const known = new Set(reference.flatMap((c) => c.sentences.map((s) => s.trim())));
  const ids = new Set<string>();
  let sentences = 0;
  let seenSentences = 0;
  for (const claim of claims) {
    sentences += claim.sentences.length;
    seenSentences += claim.sentences.filter((s) => known.has(s.trim())).length;
    if (!claim.documents.some((d) => knownDocuments.has(d))) ids.add(claim.id);
  }
  return { ids, sentences, seenSentences };
}

/** SciFact dev claims whose evidence abstracts are no SciFact train claim's evidence. */
export function scifactUnseenDevClaims(dir: string): UnseenSubset {
  const folder: BenchmarkFolder = {
    dir,
    describe: "the SciFact folder (corpus.jsonl, claims_dev.jsonl, claims_train.jsonl)",
  };
  const abstracts = new Map<string, string[]>();
  for (const d of readJsonLinesFile(requireDataFile(folder, "corpus.jsonl"))) {
    abstracts.set(String(d.doc_id), d.abstract as string[]);
  }
  const read = (split: string) =>
    readJsonLinesFile(requireDataFile(folder, `claims_${split}.jsonl`)).map((c): RationaleClaim => {
      const evidence = (c.evidence ?? {}) as Record<string, Array<{ sentences: number[] }>>;
      const sentences = Object.entries(evidence).flatMap(([doc, rationales]) =>
        rationales.flatMap((r) => r.sentences.flatMap((i) => abstracts.get(doc)?.[i] ?? [])),
      );
      return { id: String(c.id), documents: Object.keys(evidence), sentences };
    });
  return unseenEvidenceClaims(read("dev"), read("train"));
}
