// A run's updates through a real Redis: a follower that arrives late gets everything from the
// start, in order, once; one that arrives while updates are being published misses none and
// sees none twice; stopping stops the deliveries.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRunFollower,
  publishRun,
  type RunUpdate,
  readRun,
  runChannel,
} from "./run-channel.js";
import {
  dropPrefix,
  REDIS_SKIP_REASON,
  TEST_REDIS_URL,
  testPrefix,
} from "./testing/cluster-env.js";

const event = (i: number): RunUpdate => ({
  type: "event",
  event: {
    type: "stage-started",
    stage: "search",
    at: `2026-12-08T00:00:${String(i % 60).padStart(2, "0")}Z`,
  } as never,
});

describe.skipIf(!TEST_REDIS_URL)(`a run's channel${REDIS_SKIP_REASON}`, () => {
  const prefix = testPrefix();
  let publisher: Redis;
  let reader: Redis;
  let subscriber: Redis;
  beforeAll(() => {
    publisher = new Redis(TEST_REDIS_URL ?? "");
    reader = new Redis(TEST_REDIS_URL ?? "");
    subscriber = new Redis(TEST_REDIS_URL ?? "");
  });
  afterAll(async () => {
    for (const r of [publisher, reader, subscriber]) r.disconnect();
    await dropPrefix(TEST_REDIS_URL ?? "", prefix);
  });

  it("replays every update to a late follower, then follows live ones", async () => {
    const channel = runChannel(prefix, "check-a", "run-1");
    for (let i = 0; i < 5; i++) await publishRun(publisher, channel, event(i));
    const follower = createRunFollower(reader, subscriber);
    const seen: RunUpdate[] = [];
    const stop = await follower.follow(channel, (u) => seen.push(u));
    expect(seen).toEqual([0, 1, 2, 3, 4].map(event));
    await publishRun(publisher, channel, {
      type: "done",
      result: { checkId: "check-a", n: 1, outcome: "first" },
    });
    await waitFor(() => seen.length === 6);
    expect(seen.at(-1)).toMatchObject({ type: "done" });
    stop();
    await publishRun(publisher, channel, event(9));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(6);
    expect(await readRun(reader, channel)).toHaveLength(7);
  });

  it("misses nothing and repeats nothing when it starts while updates are published", async () => {
    const channel = runChannel(prefix, "check-b", "run-1");
    const follower = createRunFollower(reader, subscriber);
    const publishing = (async () => {
      for (let i = 0; i < 200; i++) await publishRun(publisher, channel, event(i));
    })();
    await new Promise((r) => setTimeout(r, 5));
    const seen: RunUpdate[] = [];
    const second: RunUpdate[] = [];
    const stops = await Promise.all([
      follower.follow(channel, (u) => seen.push(u)),
      follower.follow(channel, (u) => second.push(u)),
    ]);
    await publishing;
    await waitFor(() => seen.length === 200 && second.length === 200);
    const expected = Array.from({ length: 200 }, (_, i) => event(i));
    expect(seen).toEqual(expected);
    expect(second).toEqual(expected);
    for (const stop of stops) stop();
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(done()).toBe(true);
}
