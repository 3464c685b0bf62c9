// The corpora the benchmark measures: SciFact as it is, or a synthetic one of a given size.
import type { BenchDocument } from "./bench-engine.ts";
import { hasScifact, readScifactCorpus, readScifactQueries } from "./scifact-data.ts";
import { syntheticDocuments, syntheticQueries } from "./synthetic-corpus.ts";
import { countWords, type Vocabulary, zipfVocabulary } from "./vocabulary.ts";

export type CorpusSpec = { kind: "scifact" } | { kind: "synthetic"; size: number };

/** Documents (made lazily) and the queries to run against them. */
export interface CorpusSource {
  label: string;
  size: number;
  documents: Iterable<BenchDocument>;
  queries: string[];
}

/** How many queries a synthetic corpus is searched with. */
export const SYNTHETIC_QUERY_COUNT = 200;

// Used only when SciFact is missing, so synthetic corpora can still be made.
const FALLBACK_VOCABULARY_SIZE = 30_000;

export function corpusLabel(spec: CorpusSpec): string {
  return spec.kind === "scifact" ? "SciFact" : `synthetic ${formatSize(spec.size)}`;
}

/** 10000 → "10k", 1000000 → "1M". */
export function formatSize(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  if (size >= 1_000 && size % 1_000 === 0) return `${size / 1_000}k`;
  return String(size);
}

/** The vocabulary synthetic corpora are drawn from: SciFact's titles and abstracts when present. */
export function benchVocabulary(dataDir: string): Vocabulary {
  if (!hasScifact(dataDir)) return zipfVocabulary(FALLBACK_VOCABULARY_SIZE);
  const texts = readScifactCorpus(dataDir).flatMap((doc) => [doc.title, doc.text]);
  return countWords(texts, `SciFact corpus word frequencies`);
}

export function loadCorpus(spec: CorpusSpec, dataDir: string, seed: number): CorpusSource {
  const label = corpusLabel(spec);
  if (spec.kind === "scifact") {
    const documents = readScifactCorpus(dataDir);
    return { label, size: documents.length, documents, queries: readScifactQueries(dataDir) };
  }
  const vocabulary = benchVocabulary(dataDir);
  return {
    label,
    size: spec.size,
    documents: { [Symbol.iterator]: () => syntheticDocuments(vocabulary, spec.size, seed) },
    queries: syntheticQueries(vocabulary, SYNTHETIC_QUERY_COUNT, seed),
  };
}
