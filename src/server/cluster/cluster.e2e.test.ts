// The scale-out path as it runs: two servers and two workers, separate processes on loopback, on
// one PostgreSQL database and one Redis. Every check is asked on one server and followed (SSE,
// joined) from the other; one worker is killed (SIGKILL) while it runs a check. Every check must
// finish exactly once, and every SSE stream end with `done`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../store/postgres/open.js";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../../store/postgres/testing/test-database.js";
import {
  type CliProcess,
  dropPrefix,
  REDIS_SKIP_REASON,
  readEvents,
  SAMPLE,
  startCli,
  TEST_REDIS_URL,
  testPrefix,
} from "./testing/cluster-env.js";

const CHECKS = 40;
const claims = Array.from(
  { length: CHECKS },
  (_, i) =>
    `Face masks reduce the spread of COVID-19 among ${i + 2} household members in trial ${i + 1}.`,
);

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)(
  `two servers and two workers on one queue${SKIP_REASON || REDIS_SKIP_REASON}`,
  () => {
    const schemas = TEST_DATABASE_URL ? testSchemas() : undefined;
    const prefix = testPrefix();
    const processes: CliProcess[] = [];
    let env: Record<string, string> = {};
    let databaseUrl = "";

    beforeAll(async () => {
      const schema = schemas?.name() ?? "";
      await (await openPostgresStore(TEST_DATABASE_URL ?? "", { schema })).close();
      const url = new URL(TEST_DATABASE_URL ?? "");
      url.searchParams.set("options", `-c search_path=${schema}`);
      databaseUrl = url.toString();
      env = {
        FACTUALLY_DATABASE_URL: databaseUrl,
        FACTUALLY_REDIS_URL: TEST_REDIS_URL ?? "",
        FACTUALLY_REDIS_PREFIX: prefix,
        // A killed worker's checks are taken over after 2 s, not the default 30.
        FACTUALLY_JOB_LOCK_MS: "2000",
        FACTUALLY_MAX_QUEUED: "1000",
        FACTUALLY_CHECKS_PER_MINUTE: "1000",
        FACTUALLY_LLM_PROVIDER: "",
      };
      const ingest = startCli(["ingest", SAMPLE], env);
      expect(await ingest.exited).toBe(0);
    }, 60_000);

    afterAll(async () => {
      for (const p of processes) p.child.kill("SIGKILL");
      await Promise.all(processes.map((p) => p.exited));
      await schemas?.dropAll();
      await dropPrefix(TEST_REDIS_URL ?? "", prefix);
    });

    it("runs 40 checks exactly once while a worker is killed, and SSE on the other server sees each end", async () => {
      const servers = [0, 1].map(() => startCli(["serve", "--port", "0"], env));
      const workers = [0, 1].map(() => startCli(["worker", "--concurrency", "2"], env));
      processes.push(...servers, ...workers);
      const urls = await Promise.all(
        servers.map(async (s) => (await s.waitFor(/at (http:\/\/127\.0\.0\.1:\d+)/))[1] as string),
      );
      await Promise.all(workers.map((w) => w.waitFor(/running checks from/)));

      // Kill the first worker as it starts a check, once a few have finished.
      const [victim, survivor] = workers as [CliProcess, CliProcess];
      const killed = new Promise<string>((resolve) => {
        let done = 0;
        victim.onLine((line) => {
          if (/ done: version /.test(line)) done++;
          const started = /^(\S+) check started/.exec(line);
          if (!started || done < 3 || victim.child.exitCode !== null) return;
          victim.child.kill("SIGKILL");
          resolve(started[1] as string);
        });
      });

      const post = (url: string, text: string) =>
        fetch(`${url}/api/checks`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({ text }),
        });
      const runs = claims.map(async (text, i) => {
        const asked = await post(urls[i % 2] as string, text);
        expect(asked.status).toBe(200);
        const mine = readEvents(asked);
        // The same check from the other server joins the run and follows it from there.
        const other = await post(urls[(i + 1) % 2] as string, text);
        const followed = await readEvents(other);
        return { asked: await mine, followed };
      });
      const results = await Promise.all(runs);
      const killedId = await killed;

      for (const { asked, followed } of results) {
        const askedDone = asked.at(-1);
        const followedDone = followed.at(-1);
        expect(askedDone?.event).toBe("done");
        expect(followedDone?.event).toBe("done");
        const joined = (followed[0]?.data as { joined?: boolean } | undefined)?.joined === true;
        if (joined) {
          expect(followedDone?.data).toEqual(askedDone?.data);
          // The follower on the other server saw the run's stages, not only its end.
          expect(followed.filter((e) => e.event === "stage-started").length).toBeGreaterThan(3);
        } else {
          // The run had ended before the second request: it got the stored version.
          const { id, n } = (askedDone?.data ?? {}) as { id?: string; n?: number };
          expect(followedDone?.data).toEqual({ id, n, outcome: "reused" });
        }
      }
      const accepted = results.map((r) => r.followed[0]?.data as { joined: boolean; id: string });
      // Most second requests come while the run is queued or running, and join it.
      expect(accepted.filter((a) => a.joined).length).toBeGreaterThan(CHECKS / 2);

      // Exactly one version per check, each stored once.
      const store = await openPostgresStore(databaseUrl);
      try {
        for (const a of accepted) {
          const stored = await store.checks.getCheck(a.id);
          expect(
            stored?.versions.map((v) => v.n),
            a.id,
          ).toEqual([1]);
        }
      } finally {
        await store.close();
      }
      // The check the killed worker had started was finished by the other one.
      expect(accepted.map((a) => a.id)).toContain(killedId);
      expect(survivor.output()).toMatch(new RegExp(`${killedId} check started`));
      expect(survivor.output()).toMatch(new RegExp(`${killedId} done: version 1`));
      // Servers report the queue drained, and one worker alive.
      const ready = (await (await fetch(`${urls[0]}/api/ready`)).json()) as Record<string, unknown>;
      expect(ready).toMatchObject({
        ready: true,
        // The killed worker counts until its heartbeat is 15 s old.
        checks: { running: 0, queued: 0, on: "queue", workers: expect.any(Number) },
        database: "postgres",
        redis: "ok",
      });
      expect((ready.checks as { workers: number }).workers).toBeGreaterThanOrEqual(1);
    }, 180_000);

    it("gives a client one budget of checks across servers: the limit is kept in Redis", async () => {
      const limited = { ...env, FACTUALLY_CHECKS_PER_MINUTE: "2" };
      const servers = [0, 1].map(() => startCli(["serve", "--port", "0"], limited));
      processes.push(...servers);
      const urls = await Promise.all(
        servers.map(async (s) => (await s.waitFor(/at (http:\/\/127\.0\.0\.1:\d+)/))[1] as string),
      );
      const statuses: number[] = [];
      for (const [i, url] of [...urls, ...urls].entries()) {
        // These claims were stored by the test before (reused, nothing runs); the limit counts
        // every request that may start a check all the same.
        const response = await fetch(`${url}/api/checks`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: claims[i % 2] }),
        });
        statuses.push(response.status);
        if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
        await response.body?.cancel();
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
    }, 60_000);
  },
);

describe("starting the scale-out path wrongly", () => {
  it("refuses a worker without Redis or PostgreSQL, and a queued server on a SQLite file, with exit 2 and what to set", async () => {
    const base = { FACTUALLY_DATABASE_URL: "", FACTUALLY_REDIS_URL: "", FACTUALLY_DB: ":memory:" };
    const noRedis = startCli(["worker"], base);
    expect(await noRedis.exited).toBe(2);
    expect(noRedis.output()).toMatch(/set FACTUALLY_REDIS_URL/);
    expect(noRedis.output()).not.toMatch(/\n\s+at /);

    const noPostgres = startCli(["worker"], {
      ...base,
      FACTUALLY_REDIS_URL: "redis://127.0.0.1:1",
    });
    expect(await noPostgres.exited).toBe(2);
    expect(noPostgres.output()).toMatch(/set FACTUALLY_DATABASE_URL/);

    const sqliteServer = startCli(["serve", "--port", "0"], {
      ...base,
      FACTUALLY_REDIS_URL: "redis://127.0.0.1:1",
    });
    expect(await sqliteServer.exited).toBe(2);
    expect(sqliteServer.output()).toMatch(/FACTUALLY_REDIS_URL runs checks on worker processes/);

    const badUrl = startCli(["worker"], { ...base, FACTUALLY_REDIS_URL: "http://127.0.0.1:6379" });
    expect(await badUrl.exited).toBe(2);
    expect(badUrl.output()).toMatch(/FACTUALLY_REDIS_URL=.*redis:\/\//);
  });

  it.skipIf(!TEST_DATABASE_URL)(
    "says which Redis does not answer, without its password, and exits",
    async () => {
      // Redis is asked before the database is opened: nothing is written to it.
      const url = new URL(TEST_DATABASE_URL ?? "");
      url.searchParams.set("options", "-c search_path=factually_never_created");
      const worker = startCli(["worker"], {
        FACTUALLY_DATABASE_URL: url.toString(),
        FACTUALLY_REDIS_URL: "redis://:s3cret@127.0.0.1:1",
      });
      expect(await worker.exited).not.toBe(0);
      expect(worker.output()).toMatch(/Redis server redis:\/\/127\.0\.0\.1:1 does not answer/);
      expect(worker.output()).not.toContain("s3cret");
    },
    30_000,
  );
});
