// Opens a batch's input file (.csv, .jsonl or .ndjson) as a stream of rows, after checking
// that it has a usable text column and at least one row, so a wrong file fails before any check.
import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import { FactuallyError } from "../core/errors.js";
import type { BatchRow } from "./batch-row.js";
import { ACCEPTED_COLUMNS, mapColumns, rowFrom } from "./columns.js";
import { csvRecords } from "./csv-records.js";
import { readLines } from "./lines.js";

export const BATCH_FORMATS = [".csv", ".jsonl", ".ndjson"] as const;

/** How many non-blank JSON Lines are read to find the first object, whose keys name the columns. */
const JSONL_PEEK_LINES = 100;

/** Rows read from a file as they are needed; `return()` closes the file (for-await calls it). */
export interface RowStream extends AsyncIterableIterator<BatchRow> {
  return(): Promise<IteratorResult<BatchRow>>;
}

/** The rows of `path`, first to last; `shown` is the path as messages name it. */
export async function openRows(path: string, shown = path): Promise<RowStream> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new FactuallyError(
      "BAD_INPUT",
      `no file ${shown}; give a .csv or .jsonl file of claims`,
      {
        target: path,
      },
    );
  }
  const format = extname(path).toLowerCase();
  if (format === ".csv") return withFirstRow(await csvRows(path, shown), shown);
  if (format === ".jsonl" || format === ".ndjson") {
    return withFirstRow(await jsonLinesRows(path, shown), shown);
  }
  throw new FactuallyError(
    "BAD_INPUT",
    `cannot read ${shown}: a batch is a ${BATCH_FORMATS.join(", ")} file (by its extension)`,
    { target: path },
  );
}

async function csvRows(path: string, shown: string): Promise<AsyncGenerator<BatchRow>> {
  const records = csvRecords(readLines(path));
  const first = await records.next();
  if (first.done) throw noRows(shown);
  const header = first.value;
  if ("reason" in header) {
    await records.return(undefined);
    throw new FactuallyError(
      "BAD_INPUT",
      `the header line of ${shown} is broken: ${header.reason}`,
    );
  }
  const columns = mapColumns(header.fields.map((name, i) => [i, name] as const));
  if (!columns) {
    await records.return(undefined);
    throw noTextColumn(shown, "columns", header.fields);
  }
  return (async function* () {
    let row = 0;
    for await (const record of records) {
      row += 1;
      const position = { row, line: record.line };
      if ("reason" in record) {
        yield { ...position, kind: "bad", input: record.raw, reason: record.reason };
      } else {
        const { fields } = record;
        yield rowFrom(position, fields.join(","), columns, (i) => fields[i]);
      }
    }
  })();
}

type JsonLine = { line: number; raw: string; value?: Record<string, unknown>; reason?: string };

async function jsonLinesRows(path: string, shown: string): Promise<AsyncGenerator<BatchRow>> {
  const lines = jsonLines(path);
  const peeked: JsonLine[] = [];
  // Pulled by hand: leaving a for-await loop early would close the file.
  while (peeked.length < JSONL_PEEK_LINES && !peeked.at(-1)?.value) {
    const next = await lines.next();
    if (next.done) break;
    peeked.push(next.value);
  }
  const first = peeked.at(-1);
  if (first === undefined) throw noRows(shown);
  if (!first.value) {
    await lines.return(undefined);
    throw new FactuallyError(
      "BAD_INPUT",
      `${shown} has no JSON object in its first ${peeked.length} lines; a batch file has one object per line, such as {"claim": "..."}`,
    );
  }
  const keys = Object.keys(first.value);
  if (!mapColumns(keys.map((k) => [k, k] as const))) {
    await lines.return(undefined);
    throw noTextColumn(shown, "keys", keys);
  }
  let row = 0;
  const toRow = ({ line, raw, value, reason }: JsonLine): BatchRow => {
    row += 1;
    const position = { row, line };
    const columns = value && mapColumns(Object.keys(value).map((k) => [k, k] as const));
    if (value && columns) return rowFrom(position, raw, columns, (k) => value[k]);
    const why = reason ?? `no ${ACCEPTED_COLUMNS.slice(0, 2).join(" or ")} key`;
    return { ...position, kind: "bad", input: raw, reason: why };
  };
  return (async function* () {
    try {
      for (const item of peeked) yield toRow(item);
      for await (const item of lines) yield toRow(item);
    } finally {
      await lines.return(undefined);
    }
  })();
}

/** The non-blank lines of a JSON Lines file, each parsed to an object or with why it is not one. */
async function* jsonLines(path: string): AsyncGenerator<JsonLine> {
  for await (const { number, text } of readLines(path)) {
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line: number, raw: text, reason: "not JSON; write one JSON object per line" };
      continue;
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      yield { line: number, raw: text, value: value as Record<string, unknown> };
    } else {
      yield { line: number, raw: text, reason: 'not a JSON object; write {"claim": "..."}' };
    }
  }
}

/** `rows` with its first row read already: a file without rows fails here, before any check. */
async function withFirstRow(rows: AsyncGenerator<BatchRow>, shown: string): Promise<RowStream> {
  const first = await rows.next();
  if (first.done) throw noRows(shown);
  let held: IteratorResult<BatchRow> | undefined = first;
  const stream: RowStream = {
    next: async () => {
      const result = held ?? (await rows.next());
      held = undefined;
      return result;
    },
    return: async () => {
      held = undefined;
      return rows.return(undefined);
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

function noRows(shown: string): FactuallyError {
  return new FactuallyError("BAD_INPUT", `${shown} has no rows to check`);
}

function noTextColumn(shown: string, what: string, found: string[]): FactuallyError {
  const list = found.length > 0 ? found.map((f) => `"${f}"`).join(", ") : "none";
  return new FactuallyError(
    "BAD_INPUT",
    `${shown} has no claim or text ${what.slice(0, -1)}; its ${what} are ${list}, a batch reads ${ACCEPTED_COLUMNS.join(", ")} (claim or text is required)`,
  );
}
