// What every command that runs the pipeline shares: a progress bar over the stages, Ctrl-C
// that cancels cleanly, and refusing to check against an empty corpus.

import { FactuallyError } from "../core/errors.js";
import type { Store } from "../core/interfaces/store.js";
import { type CheckEvent, STAGES } from "../core/schema/check-event.js";
import { displayPath } from "../text/display-path.js";
import type { CliIo } from "./io.js";
import { progressBar } from "./progress.js";

export interface RunControls {
  signal: AbortSignal;
  onEvent: (event: CheckEvent) => void;
}

/** Runs `work` with a stage progress bar on stderr and SIGINT wired to its AbortSignal. */
export async function withCheckProgress<T>(
  io: CliIo,
  label: string,
  work: (controls: RunControls) => Promise<T>,
): Promise<T> {
  const bar = progressBar(io.stderr, label);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  let done = 0;
  try {
    return await work({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "stage-started") bar.update(done, STAGES.length, event.stage);
        if (event.type === "stage-done") bar.update(++done, STAGES.length, event.stage);
      },
    });
  } finally {
    bar.stop();
    process.removeListener("SIGINT", cancel);
  }
}

/** Throws BAD_INPUT, with the command that fixes it, when the corpus has no documents. */
export async function requireCorpus(store: Store, io: CliIo): Promise<void> {
  const stats = await store.corpusStats();
  if (stats.documents > 0) return;
  const shown = displayPath(store.location, io.cwd);
  throw new FactuallyError(
    "BAD_INPUT",
    `the corpus at ${shown} is empty, so there is nothing to check against; add documents with: factually ingest <path> --db ${shown}`,
  );
}
