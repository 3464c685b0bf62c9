// Runs one check per row with bounded concurrency and writes the results in input order,
// reading rows only as fast as results are written (a bounded reorder window).

export interface BatchRunOptions<Row, Result> {
  rows: AsyncIterable<Row>;
  /** Checks running at once. */
  concurrency: number;
  /** Rows read but not yet written, at most (default 4 × concurrency): the reorder buffer. */
  window?: number;
  /** The check of one row; rejecting stops the batch, unless `signal` was aborted. */
  checkOne(row: Row, signal: AbortSignal): Promise<Result>;
  /** Called once per row, in input order; throwing stops the batch. */
  write(result: Result, row: Row): void;
  /** Aborting stops reading and writing; rows in flight get an aborted signal. */
  signal?: AbortSignal;
}

export interface BatchRunStats {
  read: number;
  written: number;
  /** True when `signal` stopped the batch: rows after the last written one are not written. */
  interrupted: boolean;
  /** High-water marks: checks running at once, and rows read but not yet written. */
  maxInFlight: number;
  maxBuffered: number;
}

interface Slot<Row, Result> {
  row: Row;
  settled: Promise<void>;
  done: boolean;
  result?: Result;
  error?: unknown;
}

/** Runs the batch to its end (or until `signal` aborts) and says how it went. */
export async function runBatch<Row, Result>(
  options: BatchRunOptions<Row, Result>,
): Promise<BatchRunStats> {
  const { concurrency } = options;
  const window = Math.max(options.window ?? 4 * concurrency, concurrency);
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", stop, { once: true });
  if (options.signal?.aborted) stop();
  const stats: BatchRunStats = {
    read: 0,
    written: 0,
    interrupted: false,
    maxInFlight: 0,
    maxBuffered: 0,
  };
  const slots: Array<Slot<Row, Result>> = [];
  const waiting: Array<() => void> = [];
  let running = 0;
  let failure: { error: unknown } | undefined;

  const acquire = async () => {
    if (running < concurrency) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    stats.maxInFlight = Math.max(stats.maxInFlight, running);
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const start = (row: Row): Slot<Row, Result> => {
    const slot: Slot<Row, Result> = { row, done: false, settled: Promise.resolve() };
    slot.settled = (async () => {
      await acquire();
      try {
        controller.signal.throwIfAborted();
        slot.result = await options.checkOne(row, controller.signal);
      } catch (error) {
        slot.error = error;
      } finally {
        slot.done = true;
        release();
      }
    })();
    return slot;
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    controller.abort(error);
  };
  /** Writes the finished rows at the head of the window, in order. */
  const flush = () => {
    while (slots[0]?.done && !controller.signal.aborted) {
      const slot = slots.shift() as Slot<Row, Result>;
      if ("error" in slot) return fail(slot.error);
      try {
        options.write(slot.result as Result, slot.row);
        stats.written += 1;
      } catch (error) {
        return fail(error);
      }
    }
  };

  try {
    for await (const row of options.rows) {
      if (controller.signal.aborted) break;
      slots.push(start(row));
      stats.read += 1;
      stats.maxBuffered = Math.max(stats.maxBuffered, slots.length);
      flush();
      while (slots.length >= window && !controller.signal.aborted) {
        await slots[0]?.settled;
        flush();
      }
      if (controller.signal.aborted) break;
    }
    while (slots.length > 0 && !controller.signal.aborted) {
      await slots[0]?.settled;
      flush();
    }
  } catch (error) {
    fail(error);
  } finally {
    // Rows still in flight are cancelled; wait for them so nothing runs after we return.
    await Promise.all(slots.map((slot) => slot.settled));
    options.signal?.removeEventListener("abort", stop);
  }
  if (failure) throw failure.error;
  stats.interrupted = options.signal?.aborted === true;
  return stats;
}
