// Keeps a search query within what a query may be (500 characters, the QueryPlan schema):
// a pasted base64 blob, unspaced Thai or a word buried in combining accents is one "word"
// of hundreds of characters, and no search engine matches on that.

/** A query's longest text, as the QueryPlan schema allows it. */
export const MAX_QUERY_CHARS = 500;

/** Past this many characters a word is a blob, not a term; its start is kept. */
export const MAX_WORD_CHARS = 60;

export interface BoundedQuery {
  text: string;
  /** Words shortened to MAX_WORD_CHARS (their length before) and words dropped for room. */
  shortened: number[];
  dropped: number;
}

/** `text` with over-long words cut to their first MAX_WORD_CHARS characters and at most `max` characters in all. */
export function boundQuery(text: string, max = MAX_QUERY_CHARS): BoundedQuery {
  const shortened: number[] = [];
  let dropped = 0;
  let out = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // Code points, so a cut never leaves half a surrogate pair.
    const points = Array.from(word);
    const kept = points.length > MAX_WORD_CHARS ? points.slice(0, MAX_WORD_CHARS).join("") : word;
    if (kept !== word) shortened.push(points.length);
    const next = out ? `${out} ${kept}` : kept;
    if (next.length > max) {
      dropped += 1;
      continue;
    }
    out = next;
  }
  return { text: out, shortened, dropped };
}

/** What a plan changed to keep its queries searchable, for the check's notes; undefined when nothing. */
export function boundNote(bounded: readonly BoundedQuery[]): string | undefined {
  const longest = Math.max(0, ...bounded.flatMap((b) => b.shortened));
  const dropped = bounded.some((b) => b.dropped > 0);
  if (longest === 0 && !dropped) return undefined;
  const parts: string[] = [];
  if (longest > 0) {
    parts.push(
      `the input has a word of ${longest.toLocaleString("en")} characters; the searches used only its first ${MAX_WORD_CHARS}`,
    );
  }
  if (dropped) parts.push(`terms past ${MAX_QUERY_CHARS} characters were left out of the searches`);
  return parts.join("; ");
}
