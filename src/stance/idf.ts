// Inverse document frequencies of stems, learned from training texts and stored with the model.
import { analyzeWords } from "./text-analysis.js";

/** Document counts per stem; stems seen in fewer than `minDf` documents are left out. */
export interface IdfTable {
  documents: number;
  df: Readonly<Record<string, number>>;
}

/** Counts, over `texts`, how many contain each content stem; keys sorted so the table is stable. */
export function learnIdf(texts: readonly string[], minDf = 2): IdfTable {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set(
      analyzeWords(text)
        .filter((t) => t.content)
        .map((t) => t.stem),
    );
    for (const stem of seen) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  const df: Record<string, number> = {};
  for (const stem of [...counts.keys()].sort()) {
    const n = counts.get(stem) ?? 0;
    if (n >= minDf) df[stem] = n;
  }
  return { documents: texts.length, df };
}

/** Smoothed idf: ln((N + 1) / (df + 1)) + 1; a stem never seen gets the highest value. */
export function idfOf(table: IdfTable): (stem: string) => number {
  const base = table.documents + 1;
  return (stem) => Math.log(base / ((table.df[stem] ?? 0) + 1)) + 1;
}
