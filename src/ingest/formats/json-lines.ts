// Splits JSON-lines bytes into parsed values, one per non-blank line, with 1-based line numbers.

/** A line's JSON value, or why it could not be read. */
export type JsonLine =
  | { ok: true; line: number; value: unknown }
  | { ok: false; line: number; reason: string };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Each non-blank line of `bytes`; a line that is not UTF-8 or not JSON is reported, not thrown. */
export function* readJsonLines(bytes: Uint8Array): Generator<JsonLine> {
  // Lines are decoded one at a time so one bad byte costs one record, not the whole file.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line++;
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const next = end + 1;
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    const raw = bytes.subarray(start, end);
    start = next;
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      yield { ok: false, line, reason: "invalid UTF-8" };
      continue;
    }
    if (text.trim() === "") continue;
    try {
      yield { ok: true, line, value: JSON.parse(text) };
    } catch {
      yield { ok: false, line, reason: "not valid JSON" };
    }
  }
}

/** True for a plain JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
