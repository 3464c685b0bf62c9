// The stores a deployment keeps (corpus, checks, web snapshots, accounts), opened together: the
// embedded SQLite file or a server database behind the same narrow ports.

import type { AccountStore } from "./account-store.js";
import type { CheckStore } from "./check-store.js";
import type { CorpusStore } from "./corpus-store.js";
import type { SnapshotStore } from "./snapshot-store.js";

/**
 * How stores are opened: `read-write` creates and migrates; `read-only` never writes (a command
 * that only reads); `read-write-else-read-only` falls back to reading when the database cannot
 * be written (a server on read-only media still serves its stored checks; writes are refused).
 */
export type StoreAccess = "read-write" | "read-only" | "read-write-else-read-only";

export interface Stores {
  /** Where they live: a file path, `:memory:` or a connection string without secrets. */
  readonly location: string;
  readonly corpus: CorpusStore;
  readonly checks: CheckStore;
  readonly snapshots: SnapshotStore;
  /** Users, sessions and API tokens (see account-store.ts). */
  readonly accounts: AccountStore;
  /** Opened for reading only (read-only media, or a command that only reads): writes are refused. */
  readonly readOnly?: boolean;
  /** Closes the connection; the stores are unusable afterwards. */
  close(): Promise<void>;
}
