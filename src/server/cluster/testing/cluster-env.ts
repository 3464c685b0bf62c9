// What the queue's tests need: the test Redis (FACTUALLY_TEST_REDIS_URL; CI sets it), a key
// prefix of their own (deleted afterwards), and the built CLI run as a separate process.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.FACTUALLY_TEST_REDIS_URL?.trim() || undefined;

/** Why the queue's suites skip, for their names; empty when they run. */
export const REDIS_SKIP_REASON = TEST_REDIS_URL
  ? ""
  : " (skipped: FACTUALLY_TEST_REDIS_URL is not set)";

/** A key prefix no other test uses. */
export function testPrefix(): string {
  return `factually-test-${randomBytes(6).toString("hex")}`;
}

/** Deletes every key under `prefix`. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export const CLI = fileURLToPath(new URL("../../../../dist/cli/main.js", import.meta.url));
export const SAMPLE = fileURLToPath(
  new URL("../../../../corpus/check-covid/abstracts.jsonl", import.meta.url),
);

/** A CLI process and its output so far, with a wait for a line that matches. */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (now or later). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Calls `listener` with each whole line printed from now on. */
  onLine(listener: (line: string) => void): void;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string>): CliProcess {
  if (!existsSync(CLI)) throw new Error("dist/cli/main.js is not built; run npm run build");
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters = new Set<() => void>();
  const lineListeners: Array<(line: string) => void> = [];
  let partial = "";
  const append = (chunk: Buffer) => {
    const got = chunk.toString("utf8");
    text += got;
    const lines = (partial + got).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) for (const listener of lineListeners) listener(line);
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    child,
    output: () => text,
    onLine: (listener) => lineListeners.push(listener),
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} in ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void exited.then(() => {
          if (!waiters.has(check)) return;
          cleanup();
          reject(new Error(`exited before ${pattern}; output:\n${text}`));
        });
        check();
      });
    },
  };
}

/** The events of one SSE response, in order, read to its end. */
export async function readEvents(
  response: Response,
): Promise<Array<{ event: string; data: unknown }>> {
  const text = await response.text();
  const events: Array<{ event: string; data: unknown }> = [];
  for (const block of text.split("\n\n")) {
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (event && data !== undefined) events.push({ event, data: JSON.parse(data) });
  }
  return events;
}
