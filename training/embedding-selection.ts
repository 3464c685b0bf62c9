// Does a sentence-embedding model pick better evidence than BM25 alone? Measured on SciFact:
// (a) sentences of the gold abstracts, (b) sentences of the top 10 retrieved abstracts, and
// reranking the top 100 retrieved abstracts. Weights are chosen on train claims only.
import type { CorpusSearchResult } from "../dist/core/interfaces/corpus-store.js";
import type { Qrels } from "../dist/data/scifact-data.js";
import {
  loadBeirTest,
  loadTrainAsRetrieval,
  type RetrievalSet,
  requireFile,
} from "../dist/data/scifact-data.js";
import { cosine } from "../dist/embed/embedder.js";
import type { HybridCandidate } from "../dist/embed/hybrid-score.js";
import type { MemoEmbedder } from "../dist/embed/memo-embedder.js";
import { meanMetrics, type RetrievalMetrics } from "../dist/eval/retrieval-metrics.js";
import { ingestPaths } from "../dist/ingest/ingest.js";
import { openSqliteStore } from "../dist/store/sqlite/open.js";
import {
  type Abstract,
  type EvidenceClaim,
  loadAbstracts,
  loadEvidenceClaims,
  sentenceId,
} from "./embedding-selection-data.ts";
import {
  bm25Scores,
  chooseWeight,
  meanSelectionMetrics,
  RANKERS,
  type Ranker,
  rankCandidates,
  type SelectionMetrics,
  selectionMetrics,
  WEIGHT_GRID,
} from "./embedding-selection-rank.ts";

export interface EmbeddingSelectionOptions {
  dataDir: string;
  /** The claims reported: `dev` (held out) or `train` (the claims the weights are chosen on). */
  split: "train" | "dev";
  /** Embeds sentences and claims (its usage gives the per-sentence cost). */
  sentences: MemoEmbedder;
  /** Embeds title+abstract texts for document reranking. */
  documents: MemoEmbedder;
  /** The first this many train claims choose the weights (embedding costs ~30 ms a sentence). */
  tuneClaims: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

type ByRanker<T> = Record<Ranker, T>;

export interface EmbeddingSelectionResult {
  split: "train" | "dev";
  embedder: string;
  /** Embedding share of the linear mix, chosen on train: sentences by MRR, documents by nDCG@10. */
  weights: { sentence: number; document: number; tunedOnTrainClaims: number };
  /** (a) Ranking the sentences of each claim's gold evidence abstracts. */
  gold: { claims: number; candidates: number; metrics: ByRanker<SelectionMetrics> };
  /** (b) Ranking the sentences of the top 10 retrieved abstracts. */
  open: {
    claims: number;
    candidates: number;
    /** Share of gold sentences that are in the retrieved abstracts at all (recall ceiling). */
    reachable: number;
    metrics: ByRanker<SelectionMetrics>;
  };
  /** Reranking the top 100 retrieved abstracts by BM25 score fused with embedding cosine. */
  documents: { claims: number; metrics: ByRanker<RetrievalMetrics> };
  cost: {
    sentencesEmbedded: number;
    msPerSentence: number;
    docsEmbedded: number;
    msPerDoc: number;
  };
}

interface Case {
  candidates: HybridCandidate[];
  gold: ReadonlySet<string>;
}

/** Runs the three measurements on the chosen split, with weights chosen on train. */
export async function runEmbeddingSelection(
  opts: EmbeddingSelectionOptions,
): Promise<EmbeddingSelectionResult> {
  const progress = opts.onProgress ?? (() => {});
  const abstracts = loadAbstracts(opts.dataDir);
  const tuneClaims = loadEvidenceClaims(opts.dataDir, "train").slice(0, opts.tuneClaims);
  const claims = loadEvidenceClaims(opts.dataDir, opts.split);
  const tuneDocs = firstQueries(loadTrainAsRetrieval(opts.dataDir), opts.tuneClaims);
  const docSet =
    opts.split === "dev" ? loadBeirTest(opts.dataDir) : loadTrainAsRetrieval(opts.dataDir);

  progress("indexing the SciFact corpus in memory…");
  const store = openSqliteStore(":memory:");
  const retrieved = new Map<string, CorpusSearchResult[]>();
  try {
    await ingestPaths(store.corpus, [requireFile(opts.dataDir, "corpus.jsonl")], {
      format: "scifact",
    });
    const texts = new Set([...claims, ...tuneClaims].map((c) => c.text));
    for (const q of [...tuneDocs.queries, ...docSet.queries]) texts.add(q.text);
    for (const text of texts) {
      const options = opts.signal ? { limit: 100, signal: opts.signal } : { limit: 100 };
      retrieved.set(text, await store.corpus.searchCorpus(text, options));
    }
  } finally {
    await store.close();
  }
  const top = (text: string, k: number) =>
    (retrieved.get(text) ?? []).slice(0, k).map((r) => r.document.id);

  progress(`choosing weights on ${tuneClaims.length} train claims…`);
  const tuneGold = await sentenceCases(opts, tuneClaims, abstracts, (c) => c.evidenceDocs);
  const sentenceWeight = chooseWeight(WEIGHT_GRID, (w) => meanOver(tuneGold, "linear", w).mrr);
  const tuneDocCases = await documentCases(opts, tuneDocs, abstracts, retrieved);
  const documentWeight = chooseWeight(
    WEIGHT_GRID,
    (w) => rankDocuments(tuneDocCases, tuneDocs.qrels, "linear", w)["ndcg@10"],
  );

  progress(`(a) gold abstracts: ${claims.length} ${opts.split} claims…`);
  const gold = await sentenceCases(opts, claims, abstracts, (c) => c.evidenceDocs);
  progress(`(b) top 10 retrieved abstracts: ${claims.length} ${opts.split} claims…`);
  const open = await sentenceCases(opts, claims, abstracts, (c) => top(c.text, 10));
  progress(`document reranking: ${docSet.queries.length} ${opts.split} claims…`);
  const docCases = await documentCases(opts, docSet, abstracts, retrieved);

  const byRanker = <T>(f: (r: Ranker) => T) =>
    Object.fromEntries(RANKERS.map((r) => [r, f(r)])) as ByRanker<T>;
  const reachable = open.reduce((sum, c, i) => {
    const ids = new Set(c.candidates.map((x) => x.id));
    const goldIds = [...(claims[i]?.rationale ?? [])];
    return sum + goldIds.filter((id) => ids.has(id)).length / Math.max(1, goldIds.length);
  }, 0);
  const s = opts.sentences.usage;
  const d = opts.documents.usage;
  return {
    split: opts.split,
    embedder: opts.sentences.id,
    weights: {
      sentence: sentenceWeight,
      document: documentWeight,
      tunedOnTrainClaims: tuneClaims.length,
    },
    gold: {
      claims: gold.length,
      candidates: countCandidates(gold),
      metrics: byRanker((r) => meanOver(gold, r, sentenceWeight)),
    },
    open: {
      claims: open.length,
      candidates: countCandidates(open),
      reachable: reachable / Math.max(1, open.length),
      metrics: byRanker((r) => meanOver(open, r, sentenceWeight)),
    },
    documents: {
      claims: docSet.queries.length,
      metrics: byRanker((r) => rankDocuments(docCases, docSet.qrels, r, documentWeight)),
    },
    cost: {
      sentencesEmbedded: s.texts,
      msPerSentence: s.texts > 0 ? s.ms / s.texts : 0,
      docsEmbedded: d.texts,
      msPerDoc: d.texts > 0 ? d.ms / d.texts : 0,
    },
  };
}

/** For each claim, the sentences of the given documents scored by BM25 and by cosine. */
async function sentenceCases(
  opts: EmbeddingSelectionOptions,
  claims: readonly EvidenceClaim[],
  abstracts: ReadonlyMap<string, Abstract>,
  docsOf: (claim: EvidenceClaim) => string[],
): Promise<Case[]> {
  const cases: Case[] = [];
  for (const claim of claims) {
    const pool: Array<{ id: string; text: string }> = [];
    for (const doc of docsOf(claim)) {
      abstracts.get(doc)?.sentences.forEach((text, i) => {
        pool.push({ id: sentenceId(doc, i), text });
      });
    }
    const lexical = bm25Scores(
      claim.text,
      pool.map((p) => p.text),
    );
    const [claimVector, ...vectors] = await opts.sentences.embed(
      [claim.text, ...pool.map((p) => p.text)],
      opts.signal,
    );
    const candidates = pool.map((p, i) => ({
      id: p.id,
      lexical: lexical[i] ?? 0,
      semantic: claimVector && vectors[i] ? cosine(claimVector, vectors[i]) : 0,
    }));
    cases.push({ candidates, gold: claim.rationale });
  }
  return cases;
}

/** For each query, its top 100 retrieved documents with the store's score and the cosine. */
async function documentCases(
  opts: EmbeddingSelectionOptions,
  set: RetrievalSet,
  abstracts: ReadonlyMap<string, Abstract>,
  retrieved: ReadonlyMap<string, CorpusSearchResult[]>,
): Promise<Map<string, HybridCandidate[]>> {
  const cases = new Map<string, HybridCandidate[]>();
  for (const query of set.queries) {
    const results = retrieved.get(query.text) ?? [];
    const texts = results.map((r) => documentText(abstracts.get(r.document.id)));
    const [claimVector] = await opts.sentences.embed([query.text], opts.signal);
    const vectors = await opts.documents.embed(texts, opts.signal);
    cases.set(
      query.id,
      results.map((r, i) => ({
        id: r.document.id,
        lexical: r.score,
        semantic: claimVector && vectors[i] ? cosine(claimVector, vectors[i]) : 0,
      })),
    );
  }
  return cases;
}

function rankDocuments(
  cases: ReadonlyMap<string, HybridCandidate[]>,
  qrels: Qrels,
  ranker: Ranker,
  weight: number,
): RetrievalMetrics {
  const runs = new Map<string, string[]>();
  for (const [query, candidates] of cases)
    runs.set(query, rankCandidates(candidates, ranker, weight));
  return meanMetrics(runs, qrels);
}

function meanOver(cases: readonly Case[], ranker: Ranker, weight: number): SelectionMetrics {
  return meanSelectionMetrics(
    cases.map((c) => selectionMetrics(rankCandidates(c.candidates, ranker, weight), c.gold)),
  );
}

function documentText(abstract: Abstract | undefined): string {
  return abstract ? `${abstract.title} ${abstract.sentences.join(" ")}` : "";
}

function countCandidates(cases: readonly Case[]): number {
  return cases.reduce((sum, c) => sum + c.candidates.length, 0);
}

function firstQueries(set: RetrievalSet, n: number): RetrievalSet {
  const queries = set.queries.slice(0, n);
  const ids = new Set(queries.map((q) => q.id));
  const qrels = new Map([...set.qrels].filter(([id]) => ids.has(id)));
  return { name: `${set.name}, first ${queries.length}`, queries, qrels };
}
