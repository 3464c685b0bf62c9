// Cuts a document's text into passages of about a paragraph, keeping character offsets.

export interface PassageSpan {
  start: number;
  end: number;
}

export interface PassageOptions {
  /** Chunks of a long paragraph aim for this many characters. */
  target: number;
  /** A paragraph longer than this is cut at sentence boundaries. */
  max: number;
  /** A paragraph shorter than this (a heading, a caption) joins the next one. */
  min: number;
}

// 450 characters (~3 sentences of an abstract) measured best on SciFact retrieval among
// 400/600/1000 when combined with document-level scores; see src/eval.
const DEFAULTS: PassageOptions = { target: 450, max: 900, min: 120 };

// A sentence ends at . ! or ? (optionally closed by a quote or bracket) followed by space.
const SENTENCE_END = /[.!?]["')\]]?\s+/g;

/** Passages of `text` as offset ranges; together they cover every non-blank paragraph. */
export function splitPassages(text: string, options: Partial<PassageOptions> = {}): PassageSpan[] {
  const opts = { ...DEFAULTS, ...options };
  const spans: PassageSpan[] = [];
  let pending: PassageSpan | undefined;
  for (const paragraph of paragraphs(text)) {
    const merged = pending ? { start: pending.start, end: paragraph.end } : paragraph;
    if (merged.end - merged.start < opts.min) {
      pending = merged;
      continue;
    }
    pending = undefined;
    if (merged.end - merged.start <= opts.max) spans.push(merged);
    else spans.push(...chunkBySentence(text, merged, opts));
  }
  if (pending) {
    const last = spans.at(-1);
    // A short tail joins the passage before it rather than standing alone.
    if (last && pending.end - last.start <= opts.max) last.end = pending.end;
    else spans.push(pending);
  }
  return spans;
}

/** Non-blank paragraphs (separated by blank lines), trimmed, as offset ranges. */
function paragraphs(text: string): PassageSpan[] {
  const out: PassageSpan[] = [];
  // `\r` too: a CRLF text's blank line is "\r\n\r\n".
  const separator = /\n[ \t\r]*\n/g;
  let from = 0;
  for (const match of text.matchAll(separator)) {
    pushTrimmed(text, from, match.index, out);
    from = match.index + match[0].length;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: PassageSpan[]): void {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (end > start) out.push({ start, end });
}

/** Groups the sentences of one long paragraph into chunks of about `target` characters. */
function chunkBySentence(
  text: string,
  span: PassageSpan,
  { target, max }: PassageOptions,
): PassageSpan[] {
  const ends: number[] = [];
  const slice = text.slice(span.start, span.end);
  for (const match of slice.matchAll(SENTENCE_END))
    ends.push(span.start + match.index + match[0].length);
  ends.push(span.end);
  const chunks: PassageSpan[] = [];
  let start = span.start;
  let previous = start;
  for (const end of ends) {
    // This sentence would take the chunk past `max`: close it at the sentence before.
    if (end - start > max && previous > start) {
      pushTrimmed(text, start, previous, chunks);
      start = previous;
    }
    previous = end;
    if (end - start >= target || end === span.end) {
      pushTrimmed(text, start, end, chunks);
      start = end;
    }
  }
  // Sentences longer than anything sensible (tables, lists without stops) are cut hard.
  return chunks.flatMap((chunk) => hardCut(text, chunk, target * 4));
}

function hardCut(text: string, span: PassageSpan, limit: number): PassageSpan[] {
  if (span.end - span.start <= limit) return [span];
  const out: PassageSpan[] = [];
  let start = span.start;
  while (span.end - start > limit) {
    let cut = text.lastIndexOf(" ", start + limit);
    if (cut <= start) cut = start + limit;
    // Not between the two halves of a surrogate pair (an emoji, a rare CJK character).
    if (isLowSurrogate(text.charCodeAt(cut)) && cut - 1 > start) cut--;
    pushTrimmed(text, start, cut, out);
    start = cut;
  }
  pushTrimmed(text, start, span.end, out);
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
