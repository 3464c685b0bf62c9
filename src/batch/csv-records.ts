// Frames CSV records from physical lines so one broken record cannot swallow the rest of the
// file: csv-parse reads each framed record, and a record with bad quoting is reported by line.

import { parse } from "csv-parse/sync";
import { messageOf } from "../core/errors.js";
import type { NumberedLine } from "./lines.js";

export type CsvRecord =
  | { line: number; fields: string[] }
  /** `raw` is the record's first physical line; the lines after it are read again. */
  | { line: number; raw: string; reason: string };

/**
 * A record with an open quote may span lines, but not more than this many characters: past it
 * the opening line is taken as broken. Eight times the longest claim (2,000 characters) leaves
 * room for other columns.
 */
export const MAX_RECORD_CHARS = 16_000;

/**
 * The records of a CSV file, header first. A record ends at the first line where its quotes
 * balance. When a record spanning several lines does not parse (or has more fields than the
 * first record), or its quote never closes (end of file, or MAX_RECORD_CHARS), only its first
 * line is reported as broken and framing starts again on the line after it.
 */
export async function* csvRecords(
  lines: AsyncIterable<NumberedLine>,
  maxRecordChars = MAX_RECORD_CHARS,
): AsyncGenerator<CsvRecord> {
  const source = lines[Symbol.asyncIterator]();
  const replay: NumberedLine[] = [];
  let record: NumberedLine[] = [];
  let openQuote = false;
  let chars = 0;
  let width: number | undefined;
  const restartAfterFirst = (reason: string): CsvRecord => {
    const [first, ...rest] = record as [NumberedLine, ...NumberedLine[]];
    replay.unshift(...rest);
    record = [];
    openQuote = false;
    chars = 0;
    return { line: first.number, raw: first.text, reason };
  };
  try {
    for (;;) {
      const next = replay.shift() ?? (await source.next()).value;
      if (next === undefined) {
        if (record.length === 0) return;
        yield restartAfterFirst(UNCLOSED);
        continue;
      }
      if (record.length === 0 && next.text.trim() === "") continue;
      record.push(next);
      chars += next.text.length + 1;
      if (countQuotes(next.text) % 2 === 1) openQuote = !openQuote;
      if (openQuote) {
        if (chars > maxRecordChars) yield restartAfterFirst(UNCLOSED);
        continue;
      }
      const parsed = parseRecord(record.map((l) => l.text).join("\n"));
      const tooWide = "fields" in parsed && width !== undefined && parsed.fields.length > width;
      if ("fields" in parsed && !(tooWide && record.length > 1)) {
        width ??= parsed.fields.length;
        const line = (record[0] as NumberedLine).number;
        record = [];
        chars = 0;
        yield tooWide
          ? { line, raw: next.text, reason: tooWideReason(parsed.fields.length, width) }
          : { line, fields: parsed.fields };
        continue;
      }
      // Over several lines the parse error is about where the quote was mistaken to close; what
      // is wrong is the first line's quote that never closed.
      const single = record.length === 1 && "reason" in parsed;
      yield restartAfterFirst(single ? parsed.reason : UNCLOSED);
    }
  } finally {
    await source.return?.();
  }
}

const UNCLOSED =
  "a quote is never closed; end quoted fields with a double quote and double the quotes inside them";

function tooWideReason(got: number, width: number): string {
  return `${got} fields where the header has ${width}; put fields that contain commas in double quotes`;
}

function countQuotes(text: string): number {
  let n = 0;
  for (const c of text) if (c === '"') n += 1;
  return n;
}

/** One record's fields, or why csv-parse refused it, in words that say how to fix it. */
function parseRecord(text: string): { fields: string[] } | { reason: string } {
  try {
    const rows = parse(text, { relax_column_count: true }) as string[][];
    if (rows.length === 1 && rows[0]) return { fields: rows[0] };
    return { reason: UNCLOSED };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "INVALID_OPENING_QUOTE") {
      return {
        reason:
          "a quote inside an unquoted field; wrap the field in double quotes and double the quotes inside it",
      };
    }
    if (code === "CSV_INVALID_CLOSING_QUOTE") {
      return {
        reason:
          "text after a closing quote; wrap the whole field in double quotes and double the quotes inside it",
      };
    }
    if (code === "CSV_QUOTE_NOT_CLOSED") return { reason: UNCLOSED };
    return { reason: `unreadable CSV (${messageOf(error)})` };
  }
}
