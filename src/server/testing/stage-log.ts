// For tests of live progress: notes each stage's end as the server's main thread has it (from a
// worker or its own thread), before it is streamed to anyone, by wrapping `jobs.submit`.
import type { CheckJobs } from "../check-jobs.js";

/** Calls `note(stage)` for every stage-done of jobs submitted from now on; returns the undo. */
export function noteStagesDone(jobs: CheckJobs, note: (stage: string) => void): () => void {
  const submit = jobs.submit;
  jobs.submit = (key, kind, run) =>
    submit.call(jobs, key, kind, (emit, signal) =>
      run((event) => {
        if (event.type === "stage-done") note(event.stage);
        emit(event);
      }, signal),
    );
  return () => {
    jobs.submit = submit;
  };
}
