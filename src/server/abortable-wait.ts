// Waiting a while unless the caller gives up, rejecting with the signal's own reason (as
// `RequestPacer` promises) rather than timers/promises' generic AbortError.
import { setTimeout as wait } from "node:timers/promises";

export async function waitOrAbort(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await wait(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
