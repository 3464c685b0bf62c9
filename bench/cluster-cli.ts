// `npm run bench:cluster [-- --checks 500 --seconds 10 --connections 10 --concurrency 2]`: the
// scale-out path (servers → Redis queue → workers → PostgreSQL) against the single-process
// SQLite server, in the same run on the same machine, as real processes on loopback.
// - Checks: N distinct offline claims (cluster-claims.ts) POSTed at once with `fresh: true`, to
//   the SQLite server (2 worker threads, its default on 2 cores) and to one queue server fed by
//   1, 2 and 4 `factually worker` processes (`--concurrency` checks each). Checks/s and the queue
//   wait (POST to the first pipeline event on the SSE stream; see cluster-load.ts).
// - Page reads: autocannon on one check's page and its JSON, one SQLite server vs one and two
//   PostgreSQL servers.
// Creates its own PostgreSQL database and Redis key prefix and removes both at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { CORPUS, distinctClaims } from "./cluster-claims.ts";
import {
  type CheckLoadFigures,
  measureReads,
  type ReadFigures,
  runChecks,
} from "./cluster-load.ts";
import {
  type ChildEnv,
  type FactuallyProcess,
  killAllChildren,
  runFactually,
  startFactually,
  urlOfBanner,
} from "./cluster-processes.ts";
import { formatClusterTable, formatCpuTable, type SetupFigures } from "./cluster-table.ts";
import { type CpuPhase, measureCpu, pidsNamed } from "./cpu-time.ts";

const { values: args } = parseArgs({
  options: {
    checks: { type: "string", default: "500" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    concurrency: { type: "string", default: "2" },
    workers: { type: "string", default: "1,2,4" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
    redis: { type: "string", default: "redis://127.0.0.1:6379" },
  },
});
/** A whole number ≥ 1 from an option, or a usage error. */
function whole(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return n;
}
const checkCount = whole("checks", args.checks);
const reads = {
  seconds: whole("seconds", args.seconds),
  connections: whole("connections", args.connections),
};
const workerCounts = args.workers.split(",").map((w) => whole("workers", w));
whole("concurrency", args.concurrency);

const tag = `factually-bench-${process.pid}`;
const database = tag.replaceAll("-", "_");
const databaseUrl = Object.assign(new URL(args.postgres), { pathname: `/${database}` }).href;
const dir = mkdtempSync(join(tmpdir(), "factually-bench-cluster-"));
const admin = new pg.Client({ connectionString: args.postgres });
const redis = new Redis(args.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });

/** Settings every process gets: no request limit of the server stands in the benchmark's way. */
const COMMON: ChildEnv = {
  FACTUALLY_MAX_QUEUED: "10000",
  FACTUALLY_CHECKS_PER_MINUTE: "100000",
};
const SERVING = /Press Ctrl-C to stop/;
const WORKING = /Factually worker \d+: running checks/;

let cleaned: Promise<void> | undefined;
/** Stops every process started and removes the database, the Redis keys and the temp folder. */
function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    killAllChildren();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
      await admin.end().catch(() => {});
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${tag}*`, count: 1000 })) {
        keys.push(...(batch as string[]));
      }
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    } finally {
      redis.disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return cleaned;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

async function serve(env: ChildEnv): Promise<{ server: FactuallyProcess; url: string }> {
  const server = await startFactually(
    ["serve", "--port", "0"],
    { ...COMMON, ...env },
    SERVING,
    dir,
  );
  return { server, url: urlOfBanner(server.banner) };
}

/** The processes whose CPU time a phase reports. */
function cpuGroups(servers: readonly FactuallyProcess[], workers: readonly FactuallyProcess[]) {
  return {
    client: () => [process.pid],
    servers: () => servers.map((p) => p.pid),
    workers: () => workers.map((p) => p.pid),
    // Only the backends serving our database: other databases on the server are not ours.
    PostgreSQL: () => pidsNamed("postgres", ` ${database} `),
    // One Redis for the machine: whatever else uses it is counted too.
    Redis: () => pidsNamed("redis-server"),
  };
}

/** Page and API reads of check `id` on `urls`, after a short warm-up that is not counted. */
async function readFigures(
  urls: string[],
  id: string,
  servers: readonly FactuallyProcess[],
): Promise<{ page: ReadFigures; api: ReadFigures; readsCpu: CpuPhase }> {
  const paths = [`/check/${id}`, `/api/checks/${id}`];
  for (const path of paths) {
    await measureReads(urls, path, { ...reads, seconds: Math.min(2, reads.seconds) });
  }
  const { result, cpu } = await measureCpu(cpuGroups(servers, []), async () => [
    await measureReads(urls, paths[0] as string, reads),
    await measureReads(urls, paths[1] as string, reads),
  ]);
  return { page: result[0] as ReadFigures, api: result[1] as ReadFigures, readsCpu: cpu };
}

async function sqliteBaseline(claims: string[]): Promise<SetupFigures> {
  const env = { FACTUALLY_DB: join(dir, "baseline.db") };
  await runFactually(["ingest", CORPUS], { ...COMMON, ...env }, dir);
  const { server, url } = await serve(env);
  try {
    const { result: checks, cpu: checksCpu } = await measureCpu(cpuGroups([server], []), () =>
      runChecks(url, claims),
    );
    const read = await readFigures([url], checks.ids[0] as string, [server]);
    return { setup: "SQLite, 1 server (2 threads)", checks, checksCpu, ...read };
  } finally {
    await server.stop();
  }
}

async function queued(
  claims: string[],
  workers: number,
  env: ChildEnv,
): Promise<{ checks: CheckLoadFigures; checksCpu: CpuPhase }> {
  const queueEnv = { ...env, FACTUALLY_REDIS_PREFIX: `${tag}-w${workers}` };
  const { server, url } = await serve(queueEnv);
  const started: FactuallyProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) {
      started.push(
        await startFactually(
          ["worker", "--concurrency", args.concurrency],
          { ...COMMON, ...queueEnv, FACTUALLY_WORKER_GRACE_MS: "1000" },
          WORKING,
          dir,
        ),
      );
    }
    const { result, cpu } = await measureCpu(cpuGroups([server], started), () =>
      runChecks(url, claims),
    );
    return { checks: result, checksCpu: cpu };
  } finally {
    await Promise.all(started.map((w) => w.stop()));
    await server.stop();
  }
}

/** A line on stderr as each phase starts: the whole run takes minutes. */
function progress(line: string): void {
  process.stderr.write(`bench:cluster: ${line}\n`);
}

async function main(): Promise<void> {
  const claims = distinctClaims(checkCount);
  await admin.connect();
  await redis.connect();
  const pgVersion = (
    (await admin.query("SHOW server_version")).rows[0] as { server_version: string }
  ).server_version;
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info("server"))?.[1] ?? "?";
  await admin.query(`CREATE DATABASE ${database}`);

  progress(`${claims.length} checks on the single-process SQLite server…`);
  const rows: SetupFigures[] = [await sqliteBaseline(claims)];
  const env = {
    FACTUALLY_DATABASE_URL: databaseUrl,
    FACTUALLY_REDIS_URL: args.redis,
  };
  await runFactually(["ingest", CORPUS], { ...COMMON, FACTUALLY_DATABASE_URL: databaseUrl }, dir);
  let id: string | undefined;
  for (const workers of workerCounts) {
    progress(`${claims.length} checks through the Redis queue with ${workers} worker(s)…`);
    const { checks, checksCpu } = await queued(claims, workers, env);
    id = checks.ids[0];
    const each = `${args.concurrency} at once each`;
    rows.push({
      setup: `queue, ${workers} worker${workers > 1 ? "s" : ""} (${each})`,
      checks,
      checksCpu,
    });
  }
  const readEnv = { ...env, FACTUALLY_REDIS_PREFIX: `${tag}-reads` };
  const one = await serve(readEnv);
  const two = await serve(readEnv);
  try {
    const stored = id ?? (rows[0]?.checks?.ids[0] as string);
    for (const servers of [[one], [one, two]]) {
      progress(`page reads on ${servers.length} PostgreSQL server(s)…`);
      const urls = servers.map((s) => s.url);
      const read = await readFigures(
        urls,
        stored,
        servers.map((s) => s.server),
      );
      rows.push({
        setup: `PostgreSQL, ${urls.length} server${urls.length > 1 ? "s" : ""}`,
        ...read,
      });
    }
  } finally {
    await Promise.all([one.server.stop(), two.server.stop()]);
  }

  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; PostgreSQL ${pgVersion}, Redis ${redisVersion}; all on this machine, loopback`,
  );
  console.log(
    `${checkCount} distinct offline checks POSTed at once (fresh), followed over SSE; queue wait = POST to the first pipeline event; page reads: autocannon, ${reads.connections} connections, ${reads.seconds} s per path`,
  );
  console.log(formatClusterTable(rows));
  console.log(
    `\nWhere the CPU went: CPU seconds per process group during each phase; busy cores = all of them ÷ wall seconds; machine busy cores = every process on the machine, ours or not (it has ${availableParallelism()})`,
  );
  console.log(formatCpuTable(rows));
}

try {
  await main();
} finally {
  await cleanUp();
}
