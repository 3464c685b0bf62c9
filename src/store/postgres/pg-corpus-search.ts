// Ranks corpus documents in PostgreSQL: BM25 computed in SQL from postings of the documents'
// tsvectors (title occurrences weighted), optionally blended with the best passage's
// cover-density rank over the passages' GIN index; the best passage and its highlighted words
// are chosen as the SQLite store chooses them.
import type { Pool } from "pg";
import { FactuallyError } from "../../core/errors.js";
import type {
  CorpusSearchOptions,
  CorpusSearchResult,
} from "../../core/interfaces/corpus-store.js";
import { stemWord } from "../../text/passage-match.js";
import { queryTerms } from "../../text/query-terms.js";
import { combineScores } from "../../text/score-fusion.js";
import { searchResultOf } from "../search-result.js";

/** Knobs of ranking in PostgreSQL (the subset of the SQLite store's that applies here). */
export interface PgRetrievalOptions {
  /** How many body occurrences one title occurrence counts as (1 = one flat field). */
  titleWeight: number;
  /** Share of the best passage's `ts_rank_cd` in a document's score (0 = document BM25 only). */
  passageWeight: number;
  /** Drop common function words from the query. */
  stopwords: boolean;
}

/**
 * The SQLite store's defaults (chosen on SciFact train claims): title x3, no passage blend.
 * Measured here on the SciFact test claims: see docs/configuration.md#postgresql.
 */
export const PG_DEFAULT_RETRIEVAL: PgRetrievalOptions = {
  titleWeight: 3,
  passageWeight: 0,
  stopwords: true,
};

// Candidates scored: deep enough that recall@100 is not cut by fusion (as in SQLite).
const MIN_DEPTH = 200;
// BM25's usual constants (FTS5 uses the same).
const K1 = 1.2;
const B = 0.75;

// Documents holding any query lexeme, scored from their postings (migration 2).
const BM25_SQL = `
WITH c AS (SELECT coalesce(avg(token_count), 1)::float8 AS avgdl FROM documents),
w AS (SELECT lex, idf FROM unnest($1::text[], $2::float8[]) AS w(lex, idf))
SELECT t.document_rowid AS rowid, sum(
  w.idf * f.tf * ${K1 + 1} / (f.tf + ${K1} * (${1 - B} + ${B} * d.token_count / greatest(c.avgdl, 1)))
)::float8 AS s
FROM w
JOIN document_terms t ON t.lexeme = w.lex
JOIN documents d ON d.rowid = t.document_rowid
CROSS JOIN c
CROSS JOIN LATERAL (SELECT (t.tf_title * $3::float8 + t.tf_body)::float8 AS tf) f
GROUP BY t.document_rowid
ORDER BY s DESC, t.document_rowid
LIMIT $4`;

interface DocumentRow {
  rowid: number;
  id: string;
  title: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
}

interface PassageRow {
  document_rowid: number;
  start: number;
  end: number;
  text: string;
}

/** A lexeme as a quoted tsquery operand: nothing in it can act as query syntax. */
export function tsqueryOperand(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The search function over `pool` with the given knobs. */
export function createPgCorpusSearch(pool: Pool, retrieval: Partial<PgRetrievalOptions> = {}) {
  const opts: PgRetrievalOptions = { ...PG_DEFAULT_RETRIEVAL, ...retrieval };
  if (!Number.isFinite(opts.titleWeight) || opts.titleWeight < 0) {
    throw new FactuallyError(
      "BAD_INPUT",
      `title weight must be a number ≥ 0, got ${opts.titleWeight}`,
    );
  }

  return async function search(
    query: string,
    options: CorpusSearchOptions,
  ): Promise<CorpusSearchResult[]> {
    if (options.signal?.aborted) throw new FactuallyError("ABORTED", "search was cancelled");
    const terms = queryTerms(query, { stopwords: opts.stopwords });
    if (terms.length === 0) return [];
    const limit = Math.max(1, Math.floor(options.limit));
    const depth = Math.max(MIN_DEPTH, limit);

    // The PostgreSQL stems of our own terms: user text reaches the database only as the
    // argument of to_tsvector, never as tsquery syntax.
    const { rows: stems } = await pool.query<{ term: string; lex: string }>(
      `SELECT DISTINCT t.term, l.lexeme AS lex FROM unnest($1::text[]) AS t(term)
       CROSS JOIN LATERAL unnest(to_tsvector('factually', t.term)) AS l`,
      [terms],
    );
    const lexemes = [...new Set(stems.map((s) => s.lex))];
    if (lexemes.length === 0) return [];
    // Document frequencies from the postings; the idf is BM25's (as Lucene, never negative).
    const { rows: frequencies } = await pool.query<{ lex: string; idf: number }>(
      `WITH c AS (SELECT count(*)::float8 AS n FROM documents)
       SELECT q.lex, ln(1 + (c.n - df.n + 0.5) / (df.n + 0.5))::float8 AS idf
       FROM unnest($1::text[]) AS q(lex) CROSS JOIN c
       CROSS JOIN LATERAL (SELECT count(*)::float8 AS n FROM document_terms WHERE lexeme = q.lex) df`,
      [lexemes],
    );
    const idfOfLexeme = new Map(frequencies.map((f) => [f.lex, f.idf]));

    const { rows: documentScores } = await pool.query<{ rowid: number; s: number }>(BM25_SQL, [
      lexemes,
      lexemes.map((l) => idfOfLexeme.get(l) ?? 0),
      opts.titleWeight,
      depth,
    ]);
    let scores = new Map(documentScores.map((r) => [r.rowid, r.s]));
    if (opts.passageWeight > 0) {
      // Lexemes quoted by us: nothing of the user's text is read as tsquery syntax.
      const anyTerm = lexemes.map(tsqueryOperand).join(" | ");
      const { rows } = await pool.query<{ rowid: number; s: number }>(
        // Normalisation 1: rank divided by 1 + log(passage length).
        `SELECT document_rowid AS rowid, max(ts_rank_cd(tsv, $1::tsquery, 1))::float8 AS s
         FROM passages WHERE tsv @@ $1::tsquery
         GROUP BY document_rowid ORDER BY s DESC LIMIT $2`,
        [anyTerm, depth * 3],
      );
      scores = new Map(
        combineScores([
          { scores, weight: 1 - opts.passageWeight },
          { scores: new Map(rows.map((r) => [r.rowid, r.s])), weight: opts.passageWeight },
        ]).map(({ key, score }) => [key, score]),
      );
    }
    if (options.signal?.aborted) throw new FactuallyError("ABORTED", "search was cancelled");

    const top = [...scores].slice(0, limit);
    if (top.length === 0) return [];
    const rowids = top.map(([rowid]) => rowid);
    const [documents, passages] = await Promise.all([
      pool.query<DocumentRow>(
        "SELECT rowid, id, title, url, published_at, publisher FROM documents WHERE rowid = ANY($1::int[])",
        [rowids],
      ),
      pool.query<PassageRow>(
        `SELECT document_rowid, start, "end", text FROM passages
         WHERE document_rowid = ANY($1::int[]) ORDER BY document_rowid, ord`,
        [rowids],
      ),
    ]);
    const byRowid = new Map(documents.rows.map((d) => [d.rowid, d]));
    const passagesOf = new Map<number, PassageRow[]>();
    for (const p of passages.rows) {
      const list = passagesOf.get(p.document_rowid) ?? [];
      list.push(p);
      passagesOf.set(p.document_rowid, list);
    }
    // Highlights use our own stems (as the SQLite store does); idf from PostgreSQL's counts.
    const idfOfStem = new Map<string, number>();
    for (const { term, lex } of stems) {
      const stem = stemWord(term);
      idfOfStem.set(stem, Math.max(idfOfStem.get(stem) ?? 0, idfOfLexeme.get(lex) ?? 0));
    }
    const queryStems = new Set(terms.map(stemWord));
    const results: CorpusSearchResult[] = [];
    for (const [rowid, score] of top) {
      const doc = byRowid.get(rowid);
      if (!doc) continue;
      results.push(
        searchResultOf(
          doc,
          score,
          passagesOf.get(rowid) ?? [],
          queryStems,
          (s) => idfOfStem.get(s) ?? 0,
        ),
      );
    }
    return results;
  };
}
