// BM25 over a small in-memory set of texts (the sentences of the documents a check read).
import { tokenize } from "./passage-match.js";

const K1 = 1.2;
const B = 0.75;

export interface Bm25Scored {
  /** BM25 of the text for the query stems. */
  score: number;
  /** idf-weighted share of the query's stems the text contains, 0..1. */
  coverage: number;
  /** The distinct stems of the text. */
  stems: Set<string>;
}

export interface ScoreTextsOptions {
  /** Stems each text is read with (its document's title): they count towards its coverage. */
  context?: ReadonlyArray<ReadonlySet<string> | undefined>;
  /** How much a query stem found only in a text's context counts, 0..1 (default 1). */
  contextWeight?: number;
}

/** Scores each text against the query stems, with idf computed over `texts` themselves. */
export function scoreTexts(
  texts: readonly string[],
  queryStems: readonly string[],
  options: ScoreTextsOptions = {},
): Bm25Scored[] {
  const contextWeight = options.contextWeight ?? 1;
  const tokenized = texts.map((t) => tokenize(t).map((token) => token.stem));
  const df = new Map<string, number>();
  for (const stems of tokenized) for (const s of new Set(stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const n = Math.max(1, texts.length);
  const idf = (stem: string) => {
    const d = df.get(stem) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const query = [...new Set(queryStems)];
  const totalIdf = query.reduce((sum, s) => sum + idf(s), 0);
  const avgLength = tokenized.reduce((sum, t) => sum + t.length, 0) / n;
  return tokenized.map((stems, i) => {
    const context = options.context?.[i];
    const tf = new Map<string, number>();
    for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * stems.length) / Math.max(1, avgLength));
    let score = 0;
    let covered = 0;
    for (const stem of query) {
      const f = tf.get(stem) ?? 0;
      if (f === 0) {
        if (context?.has(stem)) covered += contextWeight * idf(stem);
        continue;
      }
      score += (idf(stem) * f * (K1 + 1)) / (f + norm);
      covered += idf(stem);
    }
    return { score, coverage: totalIdf > 0 ? covered / totalIdf : 0, stems: new Set(stems) };
  });
}

/** Jaccard similarity of two stem sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}
