// Lockout with backoff after repeated failed logins, per email and per client (an address, or
// an IPv6 /64): after FREE_FAILURES failures in a row a key waits 30 s, doubling with each
// further failure up to 15 minutes; a successful login clears it. Kept in this process's memory.

const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** A key not failing for this long is forgotten. */
const FORGET_MS = 24 * 3_600_000;
/** At most this many keys are remembered; the oldest go first. */
const MAX_KEYS = 50_000;

export interface LoginThrottle {
  /** Seconds to wait before trying again (0: go ahead), the longest of the keys'. */
  waitSeconds(keys: readonly string[]): number;
  failed(keys: readonly string[]): void;
  succeeded(keys: readonly string[]): void;
}

export function createLoginThrottle(now: () => Date): LoginThrottle {
  const failures = new Map<string, { count: number; lastAt: number }>();
  const waitMsOf = (key: string, at: number): number => {
    const entry = failures.get(key);
    if (!entry) return 0;
    if (at - entry.lastAt >= FORGET_MS) {
      failures.delete(key);
      return 0;
    }
    if (entry.count < FREE_FAILURES) return 0;
    const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (entry.count - FREE_FAILURES));
    return Math.max(0, entry.lastAt + wait - at);
  };
  return {
    waitSeconds(keys) {
      const at = now().getTime();
      return Math.ceil(Math.max(0, ...keys.map((k) => waitMsOf(k, at))) / 1000);
    },
    failed(keys) {
      const at = now().getTime();
      for (const key of keys) {
        const count = (failures.get(key)?.count ?? 0) + 1;
        failures.delete(key);
        failures.set(key, { count, lastAt: at });
      }
      while (failures.size > MAX_KEYS) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
