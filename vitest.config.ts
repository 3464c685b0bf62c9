// Two projects: `unit` (fast, in-process) and `e2e` (the built CLI as a process, a real server,
// Chromium). Timeouts are sized for a busy 2-core machine, where vitest's 5 s default failed a
// dozen tests that only waited their turn for a CPU. `npm run test:unit` runs the unit tests.
import { configDefaults, defineConfig } from "vitest/config";

const E2E = ["src/**/*.e2e.test.ts", "test/**/*.e2e.test.ts"];

export default defineConfig({
  test: {
    // vitest's default on 2 cores is one worker; many tests wait on servers and child processes,
    // so two keep both cores busy.
    maxWorkers: 2,
    reporters: ["default", "./test/support/skip-reasons-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "src/**/*.test.ts",
            "test/**/*.test.ts",
            "bench/**/*.test.ts",
            "training/**/*.test.ts",
            "scripts/**/*.test.mjs",
          ],
          exclude: [...configDefaults.exclude, ...E2E],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: E2E, testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
