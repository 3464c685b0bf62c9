// A ranked document as every store's search returns it: the document's card and its best
// passage, with the ranges of the query words marked (or an empty passage when none matched).
import type { CorpusSearchResult } from "../core/interfaces/corpus-store.js";
import { bestPassage } from "../text/passage-match.js";

export interface RankedRow {
  id: string;
  title: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
}

export interface PassageRow {
  text: string;
  start: number;
  end: number;
}

export function searchResultOf(
  doc: RankedRow,
  score: number,
  passages: readonly PassageRow[],
  queryStems: ReadonlySet<string>,
  idf: (stem: string) => number,
): CorpusSearchResult {
  const best = bestPassage(passages, queryStems, idf);
  return {
    document: {
      id: doc.id,
      title: doc.title,
      ...(doc.url === null ? {} : { url: doc.url }),
      ...(doc.published_at === null ? {} : { publishedAt: doc.published_at }),
      ...(doc.publisher === null ? {} : { publisher: doc.publisher }),
    },
    score,
    passage: best
      ? {
          text: best.passage.text,
          start: best.passage.start,
          end: best.passage.end,
          highlights: best.highlights,
        }
      : { text: "", start: 0, end: 0, highlights: [] },
  };
}
