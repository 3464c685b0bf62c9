// Ranks corpus documents for a free-text query: document BM25, best-passage BM25 and
// pseudo-relevance feedback, each one a knob the retrieval benchmark can turn off.
import type Database from "better-sqlite3";
import { FactuallyError } from "../../core/errors.js";
import type {
  CorpusSearchOptions,
  CorpusSearchResult,
} from "../../core/interfaces/corpus-store.js";
import { feedbackTerms } from "../../text/feedback-terms.js";
import { stemWord } from "../../text/passage-match.js";
import { ftsNearPairs, ftsOrQuery, queryTerms } from "../../text/query-terms.js";
import { combineScores } from "../../text/score-fusion.js";
import { searchResultOf } from "../search-result.js";

/** Knobs of corpus retrieval; each one can be turned off to measure what it buys. */
export interface RetrievalOptions {
  /** BM25 weight of the title relative to the body (1 = one flat field). */
  titleWeight: number;
  /** Share of the best-passage score in a document's score (0 = document level only). */
  passageWeight: number;
  /**
   * Share of a proximity score: BM25 of adjacent query-word pairs found near each other in
   * the document (the unordered-window part of the sequential dependence model); 0 = off.
   */
  proximityWeight: number;
  /** Pseudo-relevance feedback: expansion terms from the top documents (0 = off). */
  feedbackDocs: number;
  feedbackTerms: number;
  /** Share of the expanded query's score. */
  feedbackWeight: number;
  /** Drop common function words from the query. */
  stopwords: boolean;
}

/**
 * Defaults chosen on the SciFact *train* claims, never on the test claims the benchmark
 * reports. Title weighting helped there (nDCG@10 0.701 → 0.708); best-passage blending,
 * proximity pairs and pseudo-relevance feedback each lowered it, so they are off by default
 * and stay as knobs: `factually eval scifact-retrieval --ablation` measures every one.
 */
export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  titleWeight: 3,
  passageWeight: 0,
  proximityWeight: 0,
  feedbackDocs: 0,
  feedbackTerms: 0,
  feedbackWeight: 0,
  stopwords: true,
};

/** Settings of the ideas measured but not adopted, for the ablation to try on top of the defaults. */
export const TRIED_RETRIEVAL = {
  passage: { passageWeight: 0.4 },
  proximity: { proximityWeight: 0.1 },
  feedback: { feedbackDocs: 3, feedbackTerms: 10, feedbackWeight: 0.1 },
} as const satisfies Record<string, Partial<RetrievalOptions>>;

// Candidates scored per stage: deep enough that recall@100 is not cut by fusion.
const MIN_DEPTH = 200;
// Words of a query pair count as "near" within this many tokens of each other.
const NEAR_WINDOW = 8;

interface Scored {
  rowid: number;
  s: number;
}
interface PassageRow {
  start: number;
  end: number;
  text: string;
}
interface DocumentRow {
  rowid: number;
  id: string;
  title: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
}

/** Prepared statements for searching, made once per store. */
export function createCorpusSearch(db: Database.Database) {
  const documentScores = db.prepare<[string, string, number], Scored>(
    `SELECT rowid, -rank AS s FROM documents_fts
     WHERE documents_fts MATCH ? AND rank MATCH ? ORDER BY rank LIMIT ?`,
  );
  const passageScores = db.prepare<[string, number], Scored>(
    `SELECT p.document_rowid AS rowid, f.s AS s
     FROM (SELECT rowid, -rank AS s FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?) f
     JOIN passages p ON p.rowid = f.rowid`,
  );
  const documentRow = db.prepare<[number], DocumentRow>(
    "SELECT rowid, id, title, url, published_at, publisher FROM documents WHERE rowid = ?",
  );
  const passagesOf = db.prepare<[number], PassageRow>(
    "SELECT start, end, text FROM passages WHERE document_rowid = ? ORDER BY ord",
  );
  const feedbackText = db.prepare<[number], { title: string; text: string }>(
    "SELECT title, text FROM documents WHERE rowid = ?",
  );
  const documentFrequency = db.prepare<[string], { doc: number }>(
    "SELECT doc FROM documents_vocab WHERE term = ?",
  );
  const documentCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM documents");

  function rank(terms: string[], opts: RetrievalOptions, depth: number): Map<number, number> {
    const match = ftsOrQuery(terms);
    let docs = toMap(documentScores.all(match, bm25Weights(opts.titleWeight), depth));
    if (opts.proximityWeight > 0 && terms.length > 1) {
      const near = toMap(
        documentScores.all(ftsNearPairs(terms, NEAR_WINDOW), bm25Weights(opts.titleWeight), depth),
      );
      docs = fuse([
        { scores: docs, weight: 1 },
        { scores: near, weight: opts.proximityWeight },
      ]);
    }
    if (opts.passageWeight === 0) return docs;
    const passages = new Map<number, number>();
    for (const { rowid, s } of passageScores.all(match, depth * 3)) {
      if (s > (passages.get(rowid) ?? 0)) passages.set(rowid, s);
    }
    return fuse([
      { scores: docs, weight: 1 - opts.passageWeight },
      { scores: passages, weight: opts.passageWeight },
    ]);
  }

  function expand(
    terms: string[],
    first: Map<number, number>,
    opts: RetrievalOptions,
    depth: number,
  ) {
    const top = [...first].slice(0, opts.feedbackDocs).map(([rowid, score]) => {
      const row = feedbackText.get(rowid);
      return { text: row ? `${row.title}\n${row.text}` : "", score };
    });
    const extra = feedbackTerms(terms, top, {
      terms: opts.feedbackTerms,
      collectionSize: documentCount.get()?.n ?? 0,
      documentFrequency: (stem) => documentFrequency.get(stem)?.doc ?? 0,
    });
    if (extra.length === 0) return first;
    const expanded = toMap(
      documentScores.all(ftsOrQuery(extra), bm25Weights(opts.titleWeight), depth),
    );
    return fuse([
      { scores: first, weight: 1 },
      { scores: expanded, weight: opts.feedbackWeight },
    ]);
  }

  /** Inverse document frequency of a stem, as BM25 computes it. */
  function idfOf(collectionSize: number) {
    const cache = new Map<string, number>();
    return (stem: string) => {
      let idf = cache.get(stem);
      if (idf === undefined) {
        const df = documentFrequency.get(stem)?.doc ?? 0;
        idf = Math.log(1 + (collectionSize - df + 0.5) / (df + 0.5));
        cache.set(stem, idf);
      }
      return idf;
    };
  }

  function describe(
    rowid: number,
    score: number,
    queryStems: ReadonlySet<string>,
    idf: (stem: string) => number,
  ): CorpusSearchResult | undefined {
    const doc = documentRow.get(rowid);
    if (!doc) return undefined;
    return searchResultOf(doc, score, passagesOf.all(rowid), queryStems, idf);
  }

  /** Ranked documents for `query`, best first; any text is safe, and text without words finds nothing. */
  return function search(
    query: string,
    options: CorpusSearchOptions,
    opts: RetrievalOptions = DEFAULT_RETRIEVAL,
  ): CorpusSearchResult[] {
    if (options.signal?.aborted) throw new FactuallyError("ABORTED", "search was cancelled");
    const terms = queryTerms(query, { stopwords: opts.stopwords });
    // Text without a single word (punctuation, emoji) matches nothing.
    if (terms.length === 0) return [];
    const limit = Math.max(1, Math.floor(options.limit));
    const depth = Math.max(MIN_DEPTH, limit);
    let scores = rank(terms, opts, depth);
    if (
      opts.feedbackDocs > 0 &&
      opts.feedbackTerms > 0 &&
      opts.feedbackWeight > 0 &&
      scores.size > 0
    ) {
      scores = expand(terms, scores, opts, depth);
    }
    const queryStems = new Set(terms.map(stemWord));
    const idf = idfOf(documentCount.get()?.n ?? 0);
    const results: CorpusSearchResult[] = [];
    for (const [rowid, score] of scores) {
      if (results.length >= limit) break;
      const result = describe(rowid, score, queryStems, idf);
      if (result) results.push(result);
    }
    return results;
  };
}

/** Weighted, max-normalised fusion of score lists, as a map in descending score order. */
function fuse(
  parts: ReadonlyArray<{ scores: ReadonlyMap<number, number>; weight: number }>,
): Map<number, number> {
  return new Map(combineScores(parts).map(({ key, score }) => [key, score]));
}

function toMap(rows: Scored[]): Map<number, number> {
  return new Map(rows.map((r) => [r.rowid, r.s]));
}

/** The FTS5 rank function with column weights (title, text); the weight is a checked number. */
function bm25Weights(titleWeight: number): string {
  if (!Number.isFinite(titleWeight) || titleWeight < 0) {
    throw new FactuallyError("BAD_INPUT", `title weight must be a number ≥ 0, got ${titleWeight}`);
  }
  return `bm25(${titleWeight}, 1.0)`;
}
