// What every command that runs the pipeline shares: a progress bar over the stages, and Ctrl-C
// that cancels cleanly.

import { type CheckEvent, STAGES } from "../core/schema/check-event.js";
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
