// Shares one run among callers asking for the same key while it is in flight.

export interface SingleFlight<K, V> {
  /** `work()`'s promise, or the one already running for `key` (then `shared` is true). */
  run(key: K, work: () => Promise<V>): { promise: Promise<V>; shared: boolean };
  /** Keys running now. */
  readonly size: number;
}

export function createSingleFlight<K, V>(): SingleFlight<K, V> {
  const running = new Map<K, Promise<V>>();
  return {
    run(key, work) {
      const existing = running.get(key);
      if (existing) return { promise: existing, shared: true };
      const promise = work().finally(() => running.delete(key));
      running.set(key, promise);
      return { promise, shared: false };
    },
    get size() {
      return running.size;
    },
  };
}
