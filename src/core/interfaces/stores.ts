// The three stores a deployment keeps (corpus, checks, web snapshots), opened together: the
// embedded SQLite file or a server database behind the same narrow ports.

import type { CheckStore } from "./check-store.js";
import type { CorpusStore } from "./corpus-store.js";
import type { SnapshotStore } from "./snapshot-store.js";

export interface Stores {
  /** Where they live: a file path, `:memory:` or a connection string without secrets. */
  readonly location: string;
  readonly corpus: CorpusStore;
  readonly checks: CheckStore;
  readonly snapshots: SnapshotStore;
  /** Closes the connection; the stores are unusable afterwards. */
  close(): Promise<void>;
}
