// A progress bar on a terminal's stderr, and nothing at all when stderr is a pipe or a file.
import cliProgress from "cli-progress";
import type { OutputStream } from "./io.js";

export interface ProgressBar {
  update(done: number, total: number, status: string): void;
  stop(): void;
}

const SILENT: ProgressBar = { update() {}, stop() {} };

/** A bar labelled `label`; `status` is free text shown after the counts. */
export function progressBar(stream: OutputStream, label: string): ProgressBar {
  if (!stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: `${label} [{bar}] {percentage}% | {status}`,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  let started = false;
  return {
    update(done, total, status) {
      if (!started) {
        bar.start(Math.max(total, 1), done, { status });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { status });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
