// What every PacerFactory must do (in-process, Redis): one suite, run against each. `open` gives
// two factories over one pace store, as two processes would hold (or the same factory twice).
import { afterEach, describe, expect, it } from "vitest";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";

export interface PacerFixture {
  /** Two factories sharing one pace store; `key` must be made unique by the fixture. */
  factories: [PacerFactory, PacerFactory];
  /** A key of this fixture (prefixed, so runs never meet); removed by `close`. */
  key(name: string): string;
  close(): Promise<void>;
}

// The tolerance absorbs a first start that a busy machine delays (the later ones can only be
// late, never early); pacing alone, two factories would start together, far outside it.
const INTERVAL_MS = 120;
const TOLERANCE_MS = 30;
/** An interval no test waits out: a request paced behind it could only end by abort. */
const FOREVER_MS = 600_000;

export function pacerContract(name: string, open: () => Promise<PacerFixture>): void {
  describe(`${name} pacers (contract)`, () => {
    let fixture: PacerFixture | undefined;
    const opened = async () => {
      fixture = await open();
      return fixture;
    };
    afterEach(async () => {
      await fixture?.close();
      fixture = undefined;
    });

    it("starts the requests of one key at least the interval apart, across factories", async () => {
      const { factories, key } = await opened();
      const paced = factories.map((f) => f(key("shared"), INTERVAL_MS));
      const started: number[] = [];
      const request = async (pace: (typeof paced)[number]) => {
        await pace();
        started.push(performance.now());
      };
      const [a, b] = paced as [(typeof paced)[0], (typeof paced)[0]];
      await Promise.all([request(a), request(b), request(a), request(b)]);
      expect(started).toHaveLength(4);
      // Measured from the first start (which waits for no timer): a timer that fires late only
      // makes a start later, so each must be at least its share of intervals after the first.
      const first = Math.min(...started);
      const sorted = [...started].sort((x, y) => x - y);
      sorted.forEach((at, i) => {
        expect(at - first).toBeGreaterThanOrEqual(i * INTERVAL_MS - TOLERANCE_MS);
      });
    });

    it("does not make one key wait for another", async () => {
      const { factories, key } = await opened();
      await factories[0](key("one"), FOREVER_MS)();
      // Had the keys shared a pace, this would wait ten minutes and the test would time out.
      await factories[1](key("two"), FOREVER_MS)();
    });

    it("rejects with the signal's reason when the caller gives up while waiting", async () => {
      const { factories, key } = await opened();
      await factories[0](key("abort"), FOREVER_MS)();
      const controller = new AbortController();
      const waiting = factories[1](key("abort"), FOREVER_MS)(controller.signal);
      const reason = new Error("the check was cancelled");
      setTimeout(() => controller.abort(reason), 20);
      await expect(waiting).rejects.toBe(reason);
    });

    it("rejects at once, taking no slot, when the signal is already aborted", async () => {
      const { factories, key } = await opened();
      const reason = new Error("gone");
      await expect(
        factories[0](key("aborted"), FOREVER_MS)(AbortSignal.abort(reason)),
      ).rejects.toBe(reason);
      // No slot was taken, so the next request of that key goes straight away.
      await factories[1](key("aborted"), FOREVER_MS)();
    });

    it("does not pace at all when the interval is 0", async () => {
      const { factories, key } = await opened();
      for (let i = 0; i < 5; i++) await factories[i % 2]?.(key("free"), 0)();
    });
  });
}
