// Renders search results for a terminal or a pipe; pure functions of the results.
import type { CorpusSearchResult } from "../core/interfaces/corpus-store.js";

export interface Highlighter {
  open: string;
  close: string;
}

/** Bold yellow on a colour terminal; «guillemets» in plain text, so a pipe still shows the match. */
export const ANSI_HIGHLIGHT: Highlighter = { open: "\u001b[1;33m", close: "\u001b[0m" };
export const PLAIN_HIGHLIGHT: Highlighter = { open: "«", close: "»" };

/** Marks `ranges` of `text` (sorted, non-overlapping) with the highlighter. */
export function markRanges(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  mark: Highlighter,
): string {
  let out = "";
  let at = 0;
  for (const [start, end] of joinAcrossHyphens(text, ranges)) {
    if (start < at || end <= start || end > text.length) continue;
    out += text.slice(at, start) + mark.open + text.slice(start, end) + mark.close;
    at = end;
  }
  return out + text.slice(at);
}

/** "COVID" + "19" marked as one "COVID-19": ranges split only by a hyphen or apostrophe are joined. */
function joinAcrossHyphens(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const joined: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = joined.at(-1);
    if (last && /^[-'’‐]$/u.test(text.slice(last[1], start))) last[1] = end;
    else joined.push([start, end]);
  }
  return joined;
}

/** Breaks `text` into lines of at most `width` visible characters, each starting with `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  let visible = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = visibleLength(word);
    if (visible > 0 && visible + 1 + length > width) {
      lines.push(indent + line);
      line = "";
      visible = 0;
    }
    line += (visible > 0 ? " " : "") + word;
    visible += (visible > 0 ? 1 : 0) + length;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

function visibleLength(word: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  return word.replace(/\u001b\[[0-9;]*m/g, "").length;
}

/** The human listing: rank, title, id, score, then the best passage with its matches marked. */
export function formatSearchResults(
  query: string,
  results: readonly CorpusSearchResult[],
  options: { mark: Highlighter; width: number },
): string {
  if (results.length === 0) {
    return `No documents match "${query}". Try other words, or ingest more documents with \`factually ingest <path>\`.`;
  }
  const width = Math.max(40, options.width);
  const blocks = results.map((result, i) => {
    const { document, passage } = result;
    const facts = [
      document.id,
      document.publisher,
      document.publishedAt?.slice(0, 10),
      `score ${result.score.toFixed(3)}`,
    ].filter(Boolean);
    const head = `${i + 1}. ${document.title || "(untitled)"}`;
    const passageText = markRanges(passage.text, passage.highlights, options.mark);
    return [
      head,
      `   ${facts.join(" · ")}`,
      ...(document.url ? [`   ${document.url}`] : []),
      wrap(passageText, width - 3, "   "),
    ].join("\n");
  });
  return blocks.join("\n\n");
}

/** The machine listing: stable field names, offsets into the document's text. */
export function searchResultsJson(
  query: string,
  db: string,
  results: readonly CorpusSearchResult[],
) {
  return {
    query,
    db,
    results: results.map((result, i) => ({
      rank: i + 1,
      score: result.score,
      ...result.document,
      passage: result.passage,
    })),
  };
}
