// The progress of one queued run, from the worker running it to every server following it: a
// Redis stream (kept a day) for replay, and a pub/sub channel of the same name for live updates.
// The worker appends and publishes in one Lua script, so the two never disagree on order. A
// follower subscribes first, then reads the stream, then takes live updates newer than the
// last entry it read: a late subscriber sees everything from the start, nothing twice. After a
// reconnect it reads what it missed from the stream.
import type { Redis } from "ioredis";
import type { CheckEvent } from "../../core/schema/check-event.js";
import type { JobResult } from "../check-jobs.js";
import type { SerialisedError } from "../worker-protocol.js";

/** What a run reports, as it travels through Redis. */
export type RunUpdate =
  | { type: "started"; attempt: number }
  | { type: "event"; event: CheckEvent }
  | { type: "retrying"; attempt: number; reason: string }
  | { type: "done"; result: JobResult }
  | { type: "failed"; error: SerialisedError };

/** Updates kept per run (a check emits a few dozen events per attempt). */
const MAX_ENTRIES = 5000;
/** How long a run's updates are kept for late subscribers. */
export const RUN_KEPT_MS = 24 * 60 * 60 * 1000;

const PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'u', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', KEYS[1], id .. ' ' .. ARGV[1])
return id`;

/** The stream and channel of run `nonce` of job `key`. */
export function runChannel(prefix: string, key: string, nonce: string): string {
  return `${prefix}:run:${key}:${nonce}`;
}

/** Appends `update` to the run's stream and publishes it; resolves with its stream id. */
export async function publishRun(
  redis: Redis,
  channel: string,
  update: RunUpdate,
): Promise<string> {
  return (await redis.eval(
    PUBLISH,
    1,
    channel,
    JSON.stringify(update),
    RUN_KEPT_MS,
    MAX_ENTRIES,
  )) as string;
}

/** Every update of a run so far, in order. */
export async function readRun(redis: Redis, channel: string): Promise<RunUpdate[]> {
  const entries = await redis.xrange(channel, "-", "+");
  return entries.map(([, fields]) => JSON.parse(fields[1] as string) as RunUpdate);
}

export interface RunFollower {
  /**
   * Calls `onUpdate` with every update of `channel` in order, from the first; resolves once
   * subscribed and replayed. The returned function stops following.
   */
  follow(channel: string, onUpdate: (update: RunUpdate) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** Whether stream id `a` comes after `b` ("ms-seq"). */
function after(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am !== bm ? am > bm : as > bs;
}

interface Follower {
  onUpdate: (update: RunUpdate) => void;
  lastId?: string;
  /** Live updates held while the stream is being read. */
  held?: Array<[string, RunUpdate]> | undefined;
  /** Catch-ups run one after another. */
  reading: Promise<void>;
}

/**
 * Followers over one subscriber connection (`subscriber`, which does nothing else) and one
 * command connection (`redis`) for reading streams.
 */
export function createRunFollower(redis: Redis, subscriber: Redis): RunFollower {
  const channels = new Map<string, Set<Follower>>();
  const subscribed = new Map<string, Promise<unknown>>();

  const offer = (follower: Follower, id: string, update: RunUpdate) => {
    if (follower.held) {
      follower.held.push([id, update]);
      return;
    }
    if (!after(id, follower.lastId)) return;
    follower.lastId = id;
    follower.onUpdate(update);
  };

  /** Reads the stream past the follower's last id, then lets held live updates through. */
  const catchUp = (channel: string, follower: Follower): Promise<void> => {
    follower.reading = follower.reading.then(async () => {
      follower.held ??= [];
      try {
        const start = follower.lastId ? `(${follower.lastId}` : "-";
        for (const [id, fields] of await redis.xrange(channel, start, "+")) {
          if (!after(id, follower.lastId)) continue;
          follower.lastId = id;
          follower.onUpdate(JSON.parse(fields[1] as string) as RunUpdate);
        }
      } finally {
        const held = follower.held ?? [];
        follower.held = undefined;
        for (const [id, update] of held) offer(follower, id, update);
      }
    });
    return follower.reading;
  };

  subscriber.on("message", (channel: string, message: string) => {
    const followers = channels.get(channel);
    if (!followers) return;
    const space = message.indexOf(" ");
    const id = message.slice(0, space);
    const update = JSON.parse(message.slice(space + 1)) as RunUpdate;
    for (const follower of followers) offer(follower, id, update);
  });
  // Subscriptions come back by themselves after a reconnect; what was published meanwhile is
  // read from the streams.
  let connected = false;
  subscriber.on("ready", () => {
    if (!connected) {
      connected = true;
      return;
    }
    for (const [channel, followers] of channels) {
      for (const follower of followers) void catchUp(channel, follower).catch(() => {});
    }
  });

  return {
    async follow(channel, onUpdate) {
      const follower: Follower = { onUpdate, held: [], reading: Promise.resolve() };
      let followers = channels.get(channel);
      if (!followers) {
        followers = new Set();
        channels.set(channel, followers);
      }
      followers.add(follower);
      const stop = () => {
        const set = channels.get(channel);
        if (!set?.delete(follower) || set.size > 0) return;
        channels.delete(channel);
        subscribed.delete(channel);
        void subscriber.unsubscribe(channel).catch(() => {});
      };
      try {
        let subscribing = subscribed.get(channel);
        if (!subscribing) {
          subscribing = subscriber.subscribe(channel);
          subscribed.set(channel, subscribing);
        }
        await subscribing;
        await catchUp(channel, follower);
      } catch (error) {
        stop();
        throw error;
      }
      return stop;
    },
    async close() {
      channels.clear();
      subscribed.clear();
    },
  };
}
