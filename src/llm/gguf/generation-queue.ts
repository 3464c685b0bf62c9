// Runs generations one at a time on a model's single context sequence, in arrival order.

/** The error to reject with when `signal` aborted: its reason, or a DOMException named AbortError. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  return reason instanceof Error || reason instanceof DOMException
    ? reason
    : new DOMException("The generation was aborted.", "AbortError");
}

/**
 * A first-in, first-out lock. A llama.cpp context sequence holds one conversation's state, so
 * two generations on it must not interleave; a caller that aborts while waiting is rejected at
 * once and its turn is skipped.
 */
export class GenerationQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tail;
    let release = () => {};
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      void previous.then(async () => {
        signal?.removeEventListener("abort", onAbort);
        try {
          if (signal?.aborted) throw abortReason(signal);
          resolve(await task());
        } catch (error) {
          reject(error);
        } finally {
          release();
        }
      });
    });
  }
}
