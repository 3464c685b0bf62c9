// Which columns (CSV) or keys (JSON Lines) a batch reads, and a row's claim and origin from them.
import { ClaimOrigin } from "../core/schema/check.js";
import type { BatchRow, RowPosition } from "./batch-row.js";

/** The text column, in order of preference: `claim` wins when both are present. */
export const TEXT_COLUMNS = ["claim", "text"] as const;
export const ORIGIN_COLUMNS = ["author", "url", "date"] as const;
export const ACCEPTED_COLUMNS = [...TEXT_COLUMNS, ...ORIGIN_COLUMNS];

type OriginColumn = (typeof ORIGIN_COLUMNS)[number];

/** Where each column we read sits among `names` (compared trimmed, case-insensitively). */
export interface ColumnMap<K> {
  text: K;
  textName: string;
  origin: Partial<Record<OriginColumn, K>>;
}

/** The column map of `names`, or undefined when neither text column is there. */
export function mapColumns<K>(
  names: ReadonlyArray<readonly [K, string]>,
): ColumnMap<K> | undefined {
  const find = (wanted: string) => names.find(([, name]) => name.trim().toLowerCase() === wanted);
  for (const textName of TEXT_COLUMNS) {
    const text = find(textName);
    if (!text) continue;
    const origin: Partial<Record<OriginColumn, K>> = {};
    for (const column of ORIGIN_COLUMNS) {
      const found = find(column);
      if (found) origin[column] = found[0];
    }
    return { text: text[0], textName, origin };
  }
  return undefined;
}

/**
 * The row of one record, read through `value` (a cell or a key's value): a claim, or a bad row
 * when the text is missing or not text, or the origin is invalid. Empty cells count as absent;
 * a bad row's input is its text when it has one, else `raw` (the record as written).
 */
export function rowFrom<K>(
  position: RowPosition,
  raw: string,
  columns: ColumnMap<K>,
  value: (key: K) => unknown,
): BatchRow {
  const text = value(columns.text);
  const input = typeof text === "string" ? text : raw;
  const bad = (reason: string): BatchRow => ({ ...position, kind: "bad", input, reason });
  if (typeof text !== "string") {
    return bad(
      text === undefined || text === null
        ? `no ${columns.textName}`
        : `${columns.textName} must be text, not ${typeof text}`,
    );
  }
  const origin: Record<string, string> = {};
  for (const column of ORIGIN_COLUMNS) {
    const key = columns.origin[column];
    const cell = key === undefined ? undefined : value(key);
    if (cell === undefined || cell === null || cell === "") continue;
    if (typeof cell !== "string") return bad(`${column} must be text, not ${typeof cell}`);
    origin[column] = cell.trim();
  }
  const parsed = ClaimOrigin.safeParse(origin);
  if (!parsed.success) {
    const column = String(parsed.error.issues[0]?.path[0] ?? "origin");
    return bad(`${column} ${ORIGIN_RULES[column as OriginColumn] ?? "is invalid"}`);
  }
  const kept = Object.keys(parsed.data).length > 0 ? { origin: parsed.data } : {};
  return { ...position, kind: "claim", input: text, ...kept };
}

const ORIGIN_RULES: Record<OriginColumn, string> = {
  author: "must be at most 200 characters",
  url: "must be an http(s) URL such as https://example.com/post",
  date: "must be a date written YYYY-MM-DD",
};
