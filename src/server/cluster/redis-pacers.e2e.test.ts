// Two real processes, each with its own Redis connection and the built pacers, spend one quota:
// together they keep its pace, as a server and its workers on several machines must.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { SKIP_REASON, TEST_REDIS_URL, type TestRedis, testRedis } from "./testing/test-redis.js";

const BUILT = fileURLToPath(
  new URL("../../../dist/server/cluster/redis-pacers.js", import.meta.url),
);
const INTERVAL_MS = 150;
const TURNS = 3;

/** A process that takes TURNS turns of one key and prints when each started (epoch ms). */
const CHILD = `
import { Redis } from "ioredis";
const [module, url, prefix, interval, turns, at] = process.argv.slice(1);
const { createRedisPacers } = await import(module);
const redis = new Redis(url);
await redis.ping();
// Both processes begin together, whichever started first: pacing alone, they would collide.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
const pace = createRedisPacers({ redis, prefix })("llm:openai:shared", Number(interval));
const started = [];
for (let i = 0; i < Number(turns); i++) {
  await pace();
  started.push(performance.timeOrigin + performance.now());
}
await redis.quit();
console.log(JSON.stringify(started));
`;

const run = promisify(execFile);

describe.skipIf(!TEST_REDIS_URL || !existsSync(BUILT))(
  `Redis pacers in two processes${SKIP_REASON || (existsSync(BUILT) ? "" : " (skipped: dist is not built; npm run build)")}`,
  () => {
    let redis: TestRedis | undefined;
    afterEach(async () => {
      await redis?.close();
    });

    it("keep one pace for a key both processes spend", async () => {
      redis = testRedis();
      const together = Date.now() + 2_000;
      const child = () =>
        run(
          process.execPath,
          [
            "--input-type=module",
            "-e",
            CHILD,
            new URL(`file://${BUILT}`).href,
            TEST_REDIS_URL ?? "",
            redis?.prefix ?? "",
            String(INTERVAL_MS),
            String(TURNS),
            String(together),
          ],
          { cwd: fileURLToPath(new URL("../../..", import.meta.url)) },
        );
      const outputs = await Promise.all([child(), child()]);
      const starts = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as number[]);
      expect(starts).toHaveLength(2 * TURNS);
      // One clock (one machine): each start is at least its share of the pace after the first;
      // a process pacing alone would start its turns beside the other's.
      const sorted = [...starts].sort((a, b) => a - b);
      const first = sorted[0] ?? 0;
      sorted.forEach((at, i) => {
        expect(at - first).toBeGreaterThanOrEqual(i * INTERVAL_MS - 50);
      });
    });
  },
);
