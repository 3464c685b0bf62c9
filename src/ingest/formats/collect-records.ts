// Gathers a parser's records into an array, for small files and tests.
import type { FormatParser, ParsedRecord } from "./types.js";

/** Every record `parser` yields for `file`, in order. */
export async function collectRecords(
  parser: FormatParser,
  file: { path: string; bytes: Uint8Array },
): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  for await (const record of parser(file)) records.push(record);
  return records;
}
