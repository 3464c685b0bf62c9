// The embedded stores: corpus, checks and web snapshots in one SQLite file, made by
// `openSqliteStore`; each caller takes the one port it needs.
import type Database from "better-sqlite3";
import type { CheckStore } from "../../core/interfaces/check-store.js";
import type { SnapshotStore } from "../../core/interfaces/snapshot-store.js";
import type { Stores } from "../../core/interfaces/stores.js";
import type { ProcessProbe } from "../run-lease.js";
import { createSqliteAccounts } from "./accounts.js";
import { createCheckRecords } from "./check-records.js";
import type { RetrievalOptions } from "./corpus-search.js";
import { createSqliteCorpus, type SqliteCorpusStore } from "./sqlite-corpus.js";
import { createWebSnapshots } from "./web-snapshots.js";

/** The SQLite stores; the corpus also offers other retrieval knobs for the benchmarks. */
export interface SqliteStores extends Stores {
  readonly readOnly: boolean;
  readonly corpus: SqliteCorpusStore;
  readonly checks: CheckStore;
  readonly snapshots: SnapshotStore;
}

export interface SqliteStoreOptions {
  /** How run locks tell a live process from a dead one (tests replace it). */
  isAlive?: ProcessProbe;
  /** Retrieval knobs that differ from the defaults (benchmarks and ablations). */
  retrieval?: Partial<RetrievalOptions>;
}

export function createSqliteStores(
  db: Database.Database,
  location: string,
  options: SqliteStoreOptions = {},
): SqliteStores {
  return {
    location,
    readOnly: db.readonly,
    corpus: createSqliteCorpus(db, options.retrieval),
    checks: createCheckRecords(db, options.isAlive ? { isAlive: options.isAlive } : {}),
    snapshots: createWebSnapshots(db),
    accounts: createSqliteAccounts(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
