// `factually db copy`: everything one store holds (corpus, checks with every version and
// rating, web snapshots) written into another, a page per transaction, then verified by count
// and hash. Imports leave identical rows alone, so running it again after an interruption
// continues where it stopped and ends identical, and a second run changes nothing.
import { FactuallyError } from "../core/errors.js";
import type { WebSnapshot } from "../core/interfaces/snapshot-store.js";
import type { ExportedCheck, ImportTally } from "../core/interfaces/store-export.js";
import type { Stores } from "../core/interfaces/stores.js";
import type { Document } from "../core/schema/document.js";
import { openStores } from "./open-stores.js";
import {
  digestKind,
  exportPage,
  type KindDigest,
  rowId,
  STORE_KINDS,
  type StoreKind,
} from "./store-digest.js";

export interface CopyProgress {
  kind: StoreKind;
  /** Rows of this kind copied so far. */
  done: number;
  /** Rows of this kind in the source, when known before copying (documents). */
  total?: number;
}

export interface CopyOptions {
  /** Rows per page, and per transaction of the target (default 500). */
  pageSize?: number;
  /** Stops between pages; what was written stays, and a new run goes on from there. */
  signal?: AbortSignal;
  onProgress?: (progress: CopyProgress) => void;
}

/** What a copy did to one kind, and whether both sides now hold the same rows. */
export interface KindReport extends ImportTally {
  kind: StoreKind;
  source: KindDigest;
  target: KindDigest;
  same: boolean;
}

export interface CopyReport {
  from: string;
  to: string;
  kinds: KindReport[];
  /** Every kind has the same count and hash on both sides. */
  verified: boolean;
}

/** Copies every kind from `from` into `to`, then compares them. */
export async function copyStores(
  from: Stores,
  to: Stores,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (to.readOnly) {
    throw new FactuallyError("BAD_INPUT", `cannot copy into ${to.location}: it is read-only`, {
      target: to.location,
      subject: "database",
    });
  }
  const tallies: Array<ImportTally & { kind: StoreKind }> = [];
  for (const kind of STORE_KINDS)
    tallies.push({ kind, ...(await copyKind(from, to, kind, options)) });
  const kinds: KindReport[] = [];
  for (const tally of tallies) {
    const source = await digestKind(from, tally.kind, options);
    const target = await digestKind(to, tally.kind, options);
    kinds.push({
      ...tally,
      source,
      target,
      same: source.count === target.count && source.sha256 === target.sha256,
    });
  }
  return {
    from: from.location,
    to: to.location,
    kinds,
    verified: kinds.every((k) => k.same),
  };
}

/** Opens `fromDb` read-only (it is never written) and `toDb` read-write, and copies. */
export async function copyDatabase(
  fromDb: string,
  toDb: string,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const from = await openStores(fromDb, "read-only");
  try {
    const to = await openStores(toDb, "read-write");
    try {
      if (to.location === from.location) {
        throw new FactuallyError(
          "BAD_INPUT",
          `${from.location} is both the source and the target`,
          {
            target: from.location,
            subject: "database",
          },
        );
      }
      return await copyStores(from, to, options);
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

async function copyKind(
  from: Stores,
  to: Stores,
  kind: StoreKind,
  options: CopyOptions,
): Promise<ImportTally> {
  const limit = options.pageSize ?? 500;
  const total = kind === "documents" ? (await from.corpus.corpusStats()).documents : undefined;
  const tally: ImportTally = { added: 0, updated: 0, unchanged: 0 };
  let done = 0;
  let after: string | undefined;
  options.onProgress?.({ kind, done, ...(total === undefined ? {} : { total }) });
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await exportPage(from, kind, after === undefined ? { limit } : { after, limit });
    const page = await importPage(to, kind, rows);
    tally.added += page.added;
    tally.updated += page.updated;
    tally.unchanged += page.unchanged;
    done += rows.length;
    options.onProgress?.({ kind, done, ...(total === undefined ? {} : { total }) });
    const last = rows.at(-1);
    if (rows.length < limit || !last) return tally;
    after = rowId(last);
  }
}

function importPage(to: Stores, kind: StoreKind, rows: unknown[]): Promise<ImportTally> {
  if (rows.length === 0) return Promise.resolve({ added: 0, updated: 0, unchanged: 0 });
  // The rows came from the same kind's export, so they have that kind's shape.
  if (kind === "documents") return to.corpus.importDocuments(rows as Document[]);
  if (kind === "checks") return to.checks.importChecks(rows as ExportedCheck[]);
  return to.snapshots.importSnapshots(rows as WebSnapshot[]);
}
