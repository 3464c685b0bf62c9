// A real Factually server on 127.0.0.1 (port 0) for API tests: an in-memory store with a few
// small documents, configuration loaded from the given environment with real defaults, a
// fixed clock, and two controls a test cannot cause otherwise — holding a check in its search
// stage, and watching the job queue (who joined, who unsubscribed).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../../assemble/engine.js";
import { loadConfig } from "../../../config/config.js";
import type { CorpusStore } from "../../../core/interfaces/corpus-store.js";
import { openSqliteStore } from "../../../store/sqlite/open.js";
import type { SqliteStores } from "../../../store/sqlite/sqlite-store.js";
import type { CheckJob, CheckJobs } from "../../check-jobs.js";
import { type RunningServer, startServer } from "../../start.js";
import { localJobs } from "../../testing/stage-log.js";

export const TEST_NOW = new Date("2026-11-25T12:00:00.000Z");

const DOCUMENTS = [
  {
    id: "trial",
    title: "Vitamin D and influenza in schoolchildren",
    text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial. The effect was largest in children who had not taken supplements before.",
  },
  {
    id: "null-trial",
    title: "A second trial of vitamin D",
    text: "Vitamin D supplements did not reduce influenza in adults. The trial followed two thousand adults over one winter.",
  },
  {
    id: "masks",
    title: "Face masks and respiratory infections",
    text: "Face masks reduced the spread of influenza in households when worn early. Masks worn late did not reduce the spread of respiratory infections.",
  },
  {
    id: "other",
    title: "Stock markets",
    text: "Stock markets fell on Monday after the announcement of new interest rates.",
  },
];

/** A check held in its search stage until released. */
export interface Hold {
  /** Resolves when a check first searches the corpus while held. */
  reached: Promise<void>;
  release(): void;
}

export interface JobWatch {
  /** Resolves once `count` jobs have been submitted (joined or not). */
  submissions(count: number): Promise<Array<{ key: string; joined: boolean }>>;
  /** Resolves when a stream of job `key` unsubscribes (a client went away, or it ended). */
  unsubscribed(key: string): Promise<void>;
}

export interface TestServer extends RunningServer {
  store: SqliteStores;
  hold(): Hold;
  jobs: JobWatch;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const cwd = mkdtempSync(join(tmpdir(), "factually-api-"));
  const config = loadConfig({ cwd, env: { FACTUALLY_DB: ":memory:", ...env } });
  const store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments(DOCUMENTS);
  let held: { reached: () => void; released: Promise<void> } | undefined;
  // The real corpus; only searchCorpus waits while a test holds checks.
  const gated = new Proxy(store.corpus, {
    get(target, property) {
      if (property === "searchCorpus" && held) {
        const gate = held;
        return async (...args: Parameters<CorpusStore["searchCorpus"]>) => {
          gate.reached();
          await gate.released;
          return target.searchCorpus(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const engine = await openEngine(config, { stores: { ...store, corpus: gated } });
  const running = await startServer({
    engine,
    port: 0,
    host: "127.0.0.1",
    version: "0.0.0-test",
    now: () => TEST_NOW,
  });
  return {
    ...running,
    store,
    jobs: watchJobs(localJobs(running.context.jobs)),
    hold() {
      let reached!: () => void;
      let release!: () => void;
      const hold: Hold = {
        reached: new Promise<void>((resolve) => {
          reached = resolve;
        }),
        release: () => {
          held = undefined;
          release();
        },
      };
      held = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
      return hold;
    },
    async close() {
      await running.close();
      await engine.close();
      await store.close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Wraps `jobs.submit` (the service calls it per request) to report submissions and unsubscribes. */
function watchJobs(jobs: CheckJobs): JobWatch {
  const submitted: Array<{ key: string; joined: boolean }> = [];
  const waiters = new Set<() => void>();
  const gone = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const goneOf = (key: string) => {
    let entry = gone.get(key);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      gone.set(key, entry);
    }
    return entry;
  };
  const submit = jobs.submit.bind(jobs);
  jobs.submit = (key, kind, run) => {
    const result = submit(key, kind, run);
    if (!result.joined) wrapSubscribe(result.job, () => goneOf(key).resolve());
    submitted.push({ key, joined: result.joined });
    for (const wake of waiters) wake();
    return result;
  };
  return {
    submissions: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (submitted.length < count) return;
          waiters.delete(check);
          resolve([...submitted]);
        };
        waiters.add(check);
        check();
      }),
    unsubscribed: (key) => goneOf(key).promise,
  };
}

function wrapSubscribe(job: CheckJob, onUnsubscribe: () => void): void {
  const subscribe = job.subscribe.bind(job);
  (job as { subscribe: CheckJob["subscribe"] }).subscribe = (listener) => {
    const unsubscribe = subscribe(listener);
    return () => {
      onUnsubscribe();
      return unsubscribe();
    };
  };
}
