// Where the server runs its checks: worker threads for a store in a file, its own thread for
// `:memory:` or FACTUALLY_WORKERS=0; and how many threads by default.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, openEngine } from "../assemble/engine.js";
import { loadConfig } from "../config/config.js";
import { createJobRunner, workerCount } from "./job-runner.js";
import { checkWorkerFile } from "./worker-pool.js";

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-runner-"));
  file = join(dir, "runner.db");
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const configWith = (env: Record<string, string>) => loadConfig({ cwd: dir, env });

/** Runs `work` with an engine over `db` (the test's file unless given), then closes it. */
async function withEngine(env: Record<string, string>, work: (engine: Engine) => Promise<void>) {
  const engine = await openEngine(configWith({ FACTUALLY_DB: file, ...env }));
  try {
    await work(engine);
  } finally {
    await engine.close();
  }
}

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
    await withEngine({ FACTUALLY_DB: ":memory:" }, async (engine) => {
      const runner = await createJobRunner({ engine });
      expect(runner.where).toBe("main");
      await runner.close();
    });
  });

  it("runs checks on this thread when FACTUALLY_WORKERS is 0", async () => {
    await withEngine({ FACTUALLY_WORKERS: "0" }, async (engine) => {
      const runner = await createJobRunner({ engine });
      expect(runner.where).toBe("main");
      await runner.close();
    });
  });

  it.skipIf(!checkWorkerFile())(
    "runs checks on worker threads for a store in a file (needs npm run build)",
    async () => {
      await withEngine({}, async (engine) => {
        const runner = await createJobRunner({ engine });
        expect(runner.where).toBe("threads");
        await runner.close();
      });
    },
  );
});
