// SciFact dev claims whose evidence the stance model cannot have seen in training: about half
// of dev's rationale sentences appear word for word among train rationales, so figures on all
// dev claims flatter a model trained on SciFact train. A claim counts as unseen when none of
// its rationale sentences (trimmed) is a train rationale sentence; NEI claims have none.
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { readJsonLinesFile } from "./json-lines-file.js";

/** A claim and the text of its rationale sentences (every rationale, every evidence doc). */
export interface RationaleClaim {
  id: string;
  sentences: string[];
}

export interface UnseenSubset {
  /** Ids of the claims whose rationale sentences never occur among the reference ones. */
  ids: Set<string>;
  /** Rationale sentences of the claims (with repeats across claims). */
  sentences: number;
  /** Of them, those that occur among the reference sentences. */
  seenSentences: number;
}

/** The claims none of whose rationale sentences occurs (trimmed, verbatim) in `reference`. */
export function unseenEvidenceClaims(
  claims: readonly RationaleClaim[],
  reference: readonly RationaleClaim[],
): UnseenSubset {
  const known = new Set(reference.flatMap((c) => c.sentences.map((s) => s.trim())));
  const ids = new Set<string>();
  let sentences = 0;
  let seenSentences = 0;
  for (const claim of claims) {
    const seen = claim.sentences.filter((s) => known.has(s.trim())).length;
    sentences += claim.sentences.length;
    seenSentences += seen;
    if (seen === 0) ids.add(claim.id);
  }
  return { ids, sentences, seenSentences };
}

/** SciFact dev claims with no rationale sentence among SciFact train's. */
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
      return { id: String(c.id), sentences };
    });
  return unseenEvidenceClaims(read("dev"), read("train"));
}
