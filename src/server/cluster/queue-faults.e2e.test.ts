// The queue under faults, with real parts: PostgreSQL, Redis (the test's own redis-server when
// it must be restarted), and a loopback search service that holds a check mid-run until told.
// Bad input fails once and is not retried; a failure worth retrying is retried; a run can be
// cancelled queued or running; a stopping worker puts its check back for another; a Redis
// restart and dropped PostgreSQL connections lose nothing and store nothing twice.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, openEngine } from "../../assemble/engine.js";
import { loadConfig } from "../../config/config.js";
import type { QueueConfig } from "../../config/server-config.js";
import { openPostgresStore } from "../../store/postgres/open.js";
import {
  SKIP_REASON,
  TEST_DATABASE_URL,
  testSchemas,
} from "../../store/postgres/testing/test-database.js";
import { checkIdForInput } from "../../text/check-id.js";
import { checkableText } from "../../text/input.js";
import type { JobUpdate } from "../check-jobs.js";
import { startServer } from "../start.js";
import { jobOptions } from "./queue-jobs.js";
import { AUTO_REFRESH_JOB, AUTO_REFRESH_SCHEDULER, QUEUE_NAME } from "./queue-names.js";
import { type QueueWorker, startQueueWorker } from "./queue-worker.js";
import { openQueuedChecks } from "./queued-checks.js";
import {
  dropPrefix,
  REDIS_SKIP_REASON,
  TEST_REDIS_URL,
  testPrefix,
} from "./testing/cluster-env.js";

const HAS_REDIS_SERVER = spawnSync("redis-server", ["--version"]).status === 0;

/** A search service whose answers wait until `release()`; `reached` resolves on each request. */
function stallingSearch() {
  const held: ServerResponse[] = [];
  let open = true;
  let arrived: (() => void) | undefined;
  const answer = (res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ results: [] }));
  };
  const server: Server = createServer((_req, res) => {
    arrived?.();
    if (open) answer(res);
    else held.push(res);
  });
  return {
    server,
    /** Resolves at the next request. */
    reached: () => new Promise<void>((resolve) => (arrived = resolve)),
    hold: () => {
      open = false;
    },
    release: () => {
      open = true;
      for (const res of held.splice(0)) if (!res.destroyed) answer(res);
    },
  };
}

const texts = {
  web: (tag: string) => `Face masks reduce the spread of COVID-19 in schools (${tag}).`,
};
const idOf = (text: string) => checkIdForInput(checkableText(text));

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)(
  `the queue under faults${SKIP_REASON || REDIS_SKIP_REASON}`,
  () => {
    const schemas = TEST_DATABASE_URL ? testSchemas() : undefined;
    const cwd = mkdtempSync(join(tmpdir(), "factually-queue-faults-"));
    const search = stallingSearch();
    const prefixes: string[] = [];
    const closers: Array<() => Promise<unknown>> = [];
    let databaseUrl = "";
    let appName = "";
    let searchUrl = "";

    beforeAll(async () => {
      await new Promise<void>((resolve) => search.server.listen(0, "127.0.0.1", resolve));
      const address = search.server.address();
      searchUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const schema = schemas?.name() ?? "";
      await (await openPostgresStore(TEST_DATABASE_URL ?? "", { schema })).close();
      appName = `fx_${schema}`.slice(0, 60);
      const url = new URL(TEST_DATABASE_URL ?? "");
      url.searchParams.set("options", `-c search_path=${schema}`);
      url.searchParams.set("application_name", appName);
      databaseUrl = url.toString();
      const engine = await engineOn(TEST_REDIS_URL ?? "", testPrefix());
      await engine.corpus.upsertDocuments([
        {
          id: "masks-schools",
          title: "Face masks in schools and the spread of COVID-19",
          text: "In a cluster-randomised trial, face masks in schools reduced the spread of COVID-19 among pupils and staff.",
        },
      ]);
    }, 60_000);

    afterAll(async () => {
      search.release();
      for (const close of closers.reverse()) await close().catch(() => {});
      search.server.close();
      await schemas?.dropAll();
      for (const prefix of prefixes) await dropPrefix(TEST_REDIS_URL ?? "", prefix);
      rmSync(cwd, { recursive: true, force: true });
    });

    /** An engine (offline stages, the stalling search) on the test database and this queue. */
    async function engineOn(
      redisUrl: string,
      prefix: string,
      extra: Record<string, string> = {},
    ): Promise<Engine> {
      if (redisUrl === TEST_REDIS_URL) prefixes.push(prefix);
      const config = loadConfig({
        cwd,
        env: {
          FACTUALLY_DATABASE_URL: databaseUrl,
          FACTUALLY_SEARCH: "searxng",
          FACTUALLY_SEARXNG_URL: searchUrl,
          FACTUALLY_TEST_ALLOW_LOOPBACK: "true",
          FACTUALLY_ROBOTS: "off",
          FACTUALLY_REDIS_URL: redisUrl,
          FACTUALLY_REDIS_PREFIX: prefix,
          FACTUALLY_JOB_LOCK_MS: "2000",
          FACTUALLY_JOB_ATTEMPTS: "3",
          ...extra,
        },
      });
      const engine = await openEngine(config, { model: "offline" });
      closers.push(() => engine.close());
      return engine;
    }

    async function cluster(redisUrl = TEST_REDIS_URL ?? "", extra: Record<string, string> = {}) {
      const engine = await engineOn(redisUrl, testPrefix(), extra);
      const queue = engine.config.server.queue as QueueConfig;
      const service = await openQueuedChecks({ engine, queue, maxQueued: 100 });
      closers.push(() => service.close());
      const workers: QueueWorker[] = [];
      const worker = async (concurrency = 1) => {
        const started = await startQueueWorker({ engine, queue, concurrency });
        workers.push(started);
        closers.push(() => started.close(0));
        return started;
      };
      return { engine, queue, service, worker, workers };
    }

    /** Every update of a job until it ends. */
    function record(job: { subscribe(l: (u: JobUpdate) => void): () => void }): JobUpdate[] {
      const updates: JobUpdate[] = [];
      job.subscribe((u) => updates.push(u));
      return updates;
    }

    async function versionsOf(engine: Engine, id: string): Promise<number[]> {
      return ((await engine.checks.getCheck(id))?.versions ?? []).map((v) => v.n);
    }

    it("fails a job whose input is bad once, with the reason, and does not retry it", async () => {
      const { queue, service, worker } = await cluster();
      await worker();
      const jobs = new Queue(QUEUE_NAME, {
        connection: { url: queue.redisUrl },
        prefix: queue.prefix,
      });
      closers.push(() => jobs.close());
      const id = "bad-input-job";
      await jobs.add(
        "check",
        {
          request: { kind: "check", text: "   " },
          nonce: randomUUID(),
          submittedAt: new Date().toISOString(),
        },
        jobOptions(queue, id),
      );
      let status = await service.status(id);
      for (let i = 0; i < 100 && status?.state !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await service.status(id);
      }
      expect(status).toMatchObject({
        state: "failed",
        reason: expect.stringMatching(/nothing to check/),
      });
      expect((await jobs.getJob(id))?.attemptsMade).toBe(1);
    });

    it("retries a failure worth retrying (the check's lock held elsewhere), then stores the version once", async () => {
      const { engine, service, worker } = await cluster();
      await worker();
      const text = "Face masks reduce the spread of COVID-19 in offices.";
      const lease = await engine.checks.beginVersion(idOf(text));
      const started = await service.startCheck({ text });
      const updates = record(started.job);
      started.job.subscribe((u) => {
        if (u.type === "retrying") void engine.checks.abandonVersion(lease);
      });
      const result = await started.job.done;
      expect(result.n).toBe(1);
      expect(updates.find((u) => u.type === "retrying")).toMatchObject({
        attempt: 1,
        reason: expect.stringMatching(/already running/),
      });
      expect(await versionsOf(engine, started.checkId)).toEqual([1]);
    }, 40_000);

    it("cancels a queued run and a running one: both end ABORTED and nothing is stored", async () => {
      const { engine, service, worker } = await cluster();
      await worker(1);
      search.hold();
      const reached = search.reached();
      const running = await service.startCheck({ text: texts.web("cancel"), web: true });
      await reached;
      const queued = await service.startCheck({
        text: "Face masks reduce the spread of COVID-19 on buses.",
      });
      expect(await service.status(queued.checkId)).toEqual({ state: "queued" });
      expect(await service.cancel(queued.checkId)).toBe(true);
      await expect(queued.job.done).rejects.toMatchObject({ code: "ABORTED" });
      expect(await service.cancel(running.checkId)).toBe(true);
      await expect(running.job.done).rejects.toMatchObject({ code: "ABORTED" });
      search.release();
      expect(await versionsOf(engine, running.checkId)).toEqual([]);
      expect(await versionsOf(engine, queued.checkId)).toEqual([]);
      expect(await service.status(running.checkId)).toMatchObject({
        state: "failed",
        reason: expect.stringMatching(/cancelled/),
      });
      expect(await service.cancel("no-such-run")).toBe(false);
    }, 40_000);

    it("a stopping worker puts its running check back after the grace period; another finishes it once", async () => {
      const { engine, service, worker } = await cluster();
      const first = await worker(1);
      search.hold();
      const reached = search.reached();
      const started = await service.startCheck({ text: texts.web("sigterm"), web: true });
      const updates = record(started.job);
      await reached;
      await first.close(200);
      for (let i = 0; i < 50 && !updates.some((u) => u.type === "retrying"); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(updates.find((u) => u.type === "retrying")).toMatchObject({
        reason: expect.stringMatching(/worker running it stopped/),
      });
      search.release();
      await worker(1);
      expect((await started.job.done).n).toBe(1);
      expect(await versionsOf(engine, started.checkId)).toEqual([1]);
    }, 40_000);

    it.skipIf(!HAS_REDIS_SERVER)(
      "Redis restarted mid-run (nothing kept on disk): the run's waiters get their check, stored once",
      async () => {
        const port = 20_000 + Math.floor(Math.random() * 20_000);
        const startRedis = (): ChildProcess =>
          spawn(
            "redis-server",
            ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            { stdio: "ignore" },
          );
        let redis = startRedis();
        closers.push(async () => redis.kill("SIGKILL"));
        await new Promise((r) => setTimeout(r, 300));
        const engine = await engineOn(`redis://127.0.0.1:${port}`, testPrefix());
        const server = await startServer({ engine, port: 0, host: "127.0.0.1", version: "test" });
        closers.push(() => server.close());
        const service = server.context.checks;
        const queue = engine.config.server.queue as QueueConfig;
        const worker = await startQueueWorker({ engine, queue, concurrency: 1 });
        closers.push(() => worker.close(0));
        const stored = await service.startCheck({
          text: "Face masks reduce the spread of COVID-19 in trains.",
        });
        const storedId = (await stored.job.done).checkId;
        search.hold();
        const reached = search.reached();
        const started = await service.startCheck({ text: texts.web("redis-restart"), web: true });
        await reached;
        redis.kill("SIGKILL");
        await new Promise((r) => redis.once("exit", r));
        // While Redis is away: readiness says so at once; stored checks are still served.
        await expect(service.counts()).rejects.toMatchObject({
          code: "UNAVAILABLE",
          message: expect.stringMatching(/does not answer.*FACTUALLY_REDIS_URL/),
        });
        const ready = await fetch(`${server.url}/api/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ ready: false, error: { code: "UNAVAILABLE" } });
        expect((await fetch(`${server.url}/check/${storedId}`)).status).toBe(200);
        const record = await fetch(`${server.url}/api/checks/${storedId}`);
        expect(record.status).toBe(200);
        expect(await record.json()).not.toHaveProperty("run");
        redis = startRedis();
        // Give the server time to reconnect and queue its run again, then let the search answer.
        await new Promise((r) => setTimeout(r, 2500));
        search.release();
        expect((await started.job.done).n).toBe(1);
        expect(await versionsOf(engine, started.checkId)).toEqual([1]);
        // The queue works on the restarted Redis.
        const after = await service.startCheck({
          text: "Face masks reduce the spread of COVID-19 in shops.",
        });
        expect((await after.job.done).n).toBe(1);
      },
      60_000,
    );

    it("PostgreSQL connections dropped mid-run: the check is stored once and the store reads back whole", async () => {
      const { engine, service, worker } = await cluster();
      await worker(1);
      search.hold();
      const reached = search.reached();
      const started = await service.startCheck({ text: texts.web("pg-drop"), web: true });
      await reached;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
          [appName],
        );
        expect(rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      search.release();
      expect((await started.job.done).n).toBe(1);
      const stored = await engine.checks.getCheck(started.checkId);
      expect(stored?.versions.map((v) => v.n)).toEqual([1]);
      expect((await engine.checks.getVersion(started.checkId, 1))?.status).toBe("done");
    }, 60_000);

    it("scheduled re-checks: one hourly job scheduler for the deployment; its tick queues the most due stale check", async () => {
      const { engine, queue, service, worker } = await cluster(TEST_REDIS_URL, {
        FACTUALLY_AUTO_REFRESH: "on",
        FACTUALLY_AUTO_REFRESH_PER_DAY: "24",
        FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS: "7",
      });
      const jobs = new Queue(QUEUE_NAME, {
        connection: { url: queue.redisUrl },
        prefix: queue.prefix,
      });
      closers.push(() => jobs.close());
      const schedulers = await jobs.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({
          key: AUTO_REFRESH_SCHEDULER,
          name: AUTO_REFRESH_JOB,
          every: 3_600_000,
        }),
      ]);
      // Two checks last run a month and three weeks ago: the older is the more due.
      const day = 86_400_000;
      const older = await engine.check(
        { text: "Face masks reduce the spread of COVID-19 in care homes." },
        { now: () => new Date(Date.now() - 30 * day) },
      );
      const newer = await engine.check(
        { text: "Face masks reduce the spread of COVID-19 in prisons." },
        { now: () => new Date(Date.now() - 21 * day) },
      );
      await worker(1);
      await jobs.add(AUTO_REFRESH_JOB, {});
      await waitUntil(async () => (await versionsOf(engine, older.check.id)).length === 2);
      // 24 a day is one an hour: the other waits for the next tick.
      expect(await versionsOf(engine, newer.check.id)).toEqual([1]);
      // A server started without the setting takes the scheduler away.
      const off = await engineOn(TEST_REDIS_URL ?? "", queue.prefix);
      const plain = await openQueuedChecks({ engine: off, queue, maxQueued: 10 });
      closers.push(() => plain.close());
      expect(await jobs.getJobSchedulers()).toEqual([]);
      expect(service).toBeDefined();
    }, 40_000);
  },
);

async function waitUntil(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await done()).toBe(true);
}
