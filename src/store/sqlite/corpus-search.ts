// Ranks corpus documents for a free-text query: document BM25, best-passage BM25 and
// pseudo-relevance feedback, each one a knob the retrieval benchmark can turn off.
import type Database from "better-sqlite3";
import { FactuallyError } from "../../core/errors.js";
import type {
  CorpusSearchOptions,
  CorpusSearchResult,
  RetrievalOptions,
} from "../../core/interfaces/store.js";
import { feedbackTerms } from "../../text/feedback-terms.js";
import { ftsOrQuery, queryTerms } from "../../text/query-terms.js";
import { combineScores } from "../../text/score-fusion.js";

/**
 * Defaults chosen on SciFact *train* claims (not the test claims the benchmark reports):
 * see `factually eval scifact-retrieval --ablation` for what each one buys.
 */
export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  titleWeight: 3,
  passageWeight: 0.4,
  feedbackDocs: 3,
  feedbackTerms: 10,
  feedbackWeight: 0.1,
  stopwords: true,
};

// Candidates scored per stage: deep enough that recall@100 is not cut by fusion.
const MIN_DEPTH = 200;
const HIGHLIGHT_OPEN = "\u0001";
const HIGHLIGHT_CLOSE = "\u0002";

interface Scored {
  rowid: number;
  s: number;
}
interface BestPassage {
  start: number;
  end: number;
  text: string;
  h: string | null;
}
interface DocumentRow {
  rowid: number;
  id: string;
  title: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  pmin: number | null;
  pmax: number | null;
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
    `SELECT d.rowid, d.id, d.title, d.url, d.published_at, d.publisher,
       (SELECT min(rowid) FROM passages WHERE document_rowid = d.rowid) AS pmin,
       (SELECT max(rowid) FROM passages WHERE document_rowid = d.rowid) AS pmax
     FROM documents d WHERE d.rowid = ?`,
  );
  // A document's passages have consecutive rowids (written together), and FTS5 answers a
  // rowid range next to MATCH without scanning other documents' matches.
  const bestPassage = db.prepare<[string, string, string, number, number], BestPassage>(
    `SELECT p.start, p.end, p.text, highlight(passages_fts, 0, ?, ?) AS h
     FROM passages_fts f JOIN passages p ON p.rowid = f.rowid
     WHERE passages_fts MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY rank LIMIT 1`,
  );
  const firstPassage = db.prepare<[number], BestPassage>(
    "SELECT start, end, text, NULL AS h FROM passages WHERE document_rowid = ? ORDER BY ord LIMIT 1",
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
    const docs = toMap(documentScores.all(match, bm25Weights(opts.titleWeight), depth));
    if (opts.passageWeight === 0) return docs;
    const passages = new Map<number, number>();
    for (const { rowid, s } of passageScores.all(match, depth * 3)) {
      if (s > (passages.get(rowid) ?? 0)) passages.set(rowid, s);
    }
    const fused = combineScores([
      { scores: docs, weight: 1 - opts.passageWeight },
      { scores: passages, weight: opts.passageWeight },
    ]);
    return new Map(fused.map(({ key, score }) => [key, score]));
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
    const fused = combineScores([
      { scores: first, weight: 1 },
      { scores: expanded, weight: opts.feedbackWeight },
    ]);
    return new Map(fused.map(({ key, score }) => [key, score]));
  }

  function describe(rowid: number, score: number, match: string): CorpusSearchResult | undefined {
    const doc = documentRow.get(rowid);
    if (!doc) return undefined;
    const passage =
      (doc.pmin !== null && doc.pmax !== null
        ? bestPassage.get(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, doc.pmin, doc.pmax)
        : undefined) ?? firstPassage.get(rowid);
    return {
      document: {
        id: doc.id,
        title: doc.title,
        ...(doc.url === null ? {} : { url: doc.url }),
        ...(doc.published_at === null ? {} : { publishedAt: doc.published_at }),
        ...(doc.publisher === null ? {} : { publisher: doc.publisher }),
      },
      score,
      passage: passage
        ? {
            text: passage.text,
            start: passage.start,
            end: passage.end,
            highlights: passage.h === null ? [] : highlightRanges(passage.h, passage.text),
          }
        : { text: "", start: 0, end: 0, highlights: [] },
    };
  }

  /** Ranked documents for `query`; throws BAD_INPUT when the query has no words. */
  return function search(query: string, options: CorpusSearchOptions): CorpusSearchResult[] {
    if (options.signal?.aborted) throw new FactuallyError("ABORTED", "search was cancelled");
    const opts = { ...DEFAULT_RETRIEVAL, ...options.retrieval };
    const terms = queryTerms(query, { stopwords: opts.stopwords });
    if (terms.length === 0) {
      throw new FactuallyError(
        "BAD_INPUT",
        "the query has no words to search for; type a few words",
      );
    }
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
    const match = ftsOrQuery(terms);
    const results: CorpusSearchResult[] = [];
    for (const [rowid, score] of scores) {
      if (results.length >= limit) break;
      const result = describe(rowid, score, match);
      if (result) results.push(result);
    }
    return results;
  };
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

/** Character ranges of `text` between highlight markers in `marked`; none if they disagree. */
export function highlightRanges(marked: string, text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let plain = "";
  let open = -1;
  for (const ch of marked) {
    if (ch === HIGHLIGHT_OPEN) open = plain.length;
    else if (ch === HIGHLIGHT_CLOSE && open >= 0) {
      ranges.push([open, plain.length]);
      open = -1;
    } else plain += ch;
  }
  // Control characters in the source text itself would confuse the markers: show none then.
  return plain === text ? ranges : [];
}
