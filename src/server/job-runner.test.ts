// Where the server runs its checks: worker threads for a store in a file, its own thread for
// `:memory:` or FACTUALLY_WORKERS=0; and how many threads by default.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { createJobRunner, workerCount } from "./job-runner.js";
import { checkWorkerFile } from "./worker-pool.js";

let dir: string;
let store: SqliteStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-runner-"));
  store = openSqliteStore(join(dir, "runner.db"));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const configWith = (env: Record<string, string>) => loadConfig({ cwd: dir, env });

describe("workerCount", () => {
  it("uses one thread per core, at most the checks that may run at once", () => {
    expect(workerCount(configWith({ FACTUALLY_MAX_RUNNING: "1" }))).toBe(1);
    expect(workerCount(configWith({ FACTUALLY_MAX_RUNNING: "64" }))).toBe(availableParallelism());
  });

  it("takes FACTUALLY_WORKERS as given, 0 included, and refuses a negative count", () => {
    expect(workerCount(configWith({ FACTUALLY_WORKERS: "0" }))).toBe(0);
    expect(workerCount(configWith({ FACTUALLY_WORKERS: "3" }))).toBe(3);
    expect(() => configWith({ FACTUALLY_WORKERS: "-1" })).toThrow(/FACTUALLY_WORKERS/);
  });
});

describe("createJobRunner", () => {
  it("runs checks on this thread for a :memory: store, which another thread cannot open", async () => {
    const memory = openSqliteStore(":memory:");
    const runner = await createJobRunner({
      config: configWith({}),
      store: memory,
      dbPath: ":memory:",
    });
    expect(runner.where).toBe("main");
    await runner.close();
    await memory.close();
  });

  it("runs checks on this thread when FACTUALLY_WORKERS is 0", async () => {
    const config = configWith({ FACTUALLY_WORKERS: "0" });
    const runner = await createJobRunner({ config, store, dbPath: store.location });
    expect(runner.where).toBe("main");
    await runner.close();
  });

  it.skipIf(!checkWorkerFile())(
    "runs checks on worker threads for a store in a file (needs npm run build)",
    async () => {
      const runner = await createJobRunner({
        config: configWith({}),
        store,
        dbPath: store.location,
      });
      expect(runner.where).toBe("threads");
      await runner.close();
    },
  );
});
