// A fingerprint of everything one kind of row in a store holds: how many, and SHA-256 over the
// canonical JSON of each exported row in id order. Two stores with equal digests hold the same
// rows, whichever implementation each one is.
import { createHash } from "node:crypto";
import type { ExportPage } from "../core/interfaces/store-export.js";
import type { Stores } from "../core/interfaces/stores.js";

/** What `db copy` moves, in the order it moves them (ratings travel with their checks). */
export const STORE_KINDS = ["documents", "checks", "snapshots"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface KindDigest {
  count: number;
  /** SHA-256, hex, over one canonical JSON line per row. */
  sha256: string;
}

type Row = { id: string } | { check: { id: string } };

/** One page of `kind` from `stores`. */
export function exportPage(stores: Stores, kind: StoreKind, page: ExportPage): Promise<Row[]> {
  if (kind === "documents") return stores.corpus.exportDocuments(page);
  if (kind === "checks") return stores.checks.exportChecks(page);
  return stores.snapshots.exportSnapshots(page);
}

/** The id a page continues after. */
export function rowId(row: Row): string {
  return "check" in row ? row.check.id : row.id;
}

/**
 * JSON with object keys sorted at every depth: PostgreSQL's jsonb keeps keys in its own order
 * and SQLite in the order written, so plain JSON.stringify of the same row can differ.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Counts and hashes every row of `kind`, reading `pageSize` rows at a time. */
export async function digestKind(
  stores: Stores,
  kind: StoreKind,
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<KindDigest> {
  const limit = options.pageSize ?? 500;
  const hash = createHash("sha256");
  let count = 0;
  let after: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await exportPage(stores, kind, after === undefined ? { limit } : { after, limit });
    for (const row of rows) hash.update(`${canonicalJson(row)}\n`);
    count += rows.length;
    const last = rows.at(-1);
    if (rows.length < limit || !last) return { count, sha256: hash.digest("hex") };
    after = rowId(last);
  }
}
