// Pacing shared by the server's worker threads: each quota's next free start lives in a
// SharedArrayBuffer every thread sees and is reserved by compare-and-swap, so N threads spending
// one API key keep one pace (module state, the default, is per thread).
import { createHash } from "node:crypto";
import { FactuallyError } from "../core/errors.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import { waitOrAbort } from "./abortable-wait.js";

/** Quotas one table holds: a model and seven search providers leave room for many keys. */
const DEFAULT_QUOTAS = 64;

/** The shared table: for each quota, the hash of its key and its next free start (epoch ms). */
export function createPaceTable(quotas = DEFAULT_QUOTAS): SharedArrayBuffer {
  return new SharedArrayBuffer(quotas * 2 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** Pacers over `table`: every thread given the same table shares each key's pace. */
export function threadPacers(table: SharedArrayBuffer, now: () => number = Date.now): PacerFactory {
  const cells = new BigInt64Array(table);
  const quotas = cells.length / 2;

  /** The row of `key`, claimed on first use by whichever thread comes first. */
  const rowOf = (key: string): number => {
    const digest = createHash("sha256").update(key).digest();
    const id = digest.readBigInt64BE(0) || 1n; // 0 marks a free row
    const home = Number(digest.readUInt32BE(8) % quotas);
    for (let probe = 0; probe < quotas; probe++) {
      const row = (home + probe) % quotas;
      const held = Atomics.compareExchange(cells, 2 * row, 0n, id);
      if (held === 0n || held === id) return row;
    }
    throw new FactuallyError(
      "INTERNAL",
      `more than ${quotas} rate-limited quotas in one server; requests to ${key.split(":")[0]} cannot be paced`,
    );
  };

  return (key, minIntervalMs) => {
    let row: number | undefined;
    return async (signal) => {
      signal?.throwIfAborted();
      if (minIntervalMs <= 0) return;
      row ??= rowOf(key);
      const at = 2 * row + 1;
      const interval = BigInt(Math.ceil(minIntervalMs));
      let time: bigint;
      let start: bigint;
      // start = max(now, next); next = start + interval — retried if another thread moved next.
      for (;;) {
        time = BigInt(now());
        const next = Atomics.load(cells, at);
        start = next > time ? next : time;
        if (Atomics.compareExchange(cells, at, next, start + interval) === next) break;
      }
      const waitMs = Number(start - time);
      if (waitMs > 0) await waitOrAbort(waitMs, signal);
    };
  };
}
