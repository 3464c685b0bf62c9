// Scheduled re-checks in one process: each hourly tick refreshes the stale checks most due, a
// twenty-fourth of the daily budget at a time, and a refreshed check is not stale any more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageServer, startPageServer } from "./web/testing/page-server.js";

describe("scheduled re-checks without Redis", () => {
  let server: PageServer;
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startPageServer({
      FACTUALLY_AUTO_REFRESH: "on",
      FACTUALLY_AUTO_REFRESH_PER_DAY: "48",
      FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS: "7",
      FACTUALLY_CHECKS_PER_MINUTE: "1000",
    });
    for (const text of [
      "Face masks reduce the spread of influenza.",
      "Face masks worn late reduce infections.",
      "Masks reduce household transmission of influenza.",
    ]) {
      const response = await server.post("/check", { text });
      ids.push((response.headers.get("location") ?? "").split("/").pop() as string);
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const versions = async (id: string) =>
    ((await server.store.checks.getCheck(id))?.versions ?? []).map((v) => v.n);

  it("refreshes nothing while the checks are younger than the minimum age", async () => {
    expect(await server.autoRefresh?.tick()).toEqual([]);
  });

  it("refreshes two stale checks an hour (48 a day), then the rest, then none", async () => {
    server.advance(10);
    const first = (await server.autoRefresh?.tick()) ?? [];
    expect(first).toHaveLength(2);
    await waitFor(async () =>
      (await Promise.all(first.map(versions))).every((v) => v.length === 2),
    );
    const second = (await server.autoRefresh?.tick()) ?? [];
    expect(second).toHaveLength(1);
    expect([...first, ...second].sort()).toEqual([...ids].sort());
    await waitFor(async () => (await versions(second[0] as string)).length === 2);
    expect(await server.autoRefresh?.tick()).toEqual([]);
  });
});

describe("a server without FACTUALLY_AUTO_REFRESH", () => {
  it("has no scheduler", async () => {
    const server = await startPageServer();
    try {
      expect(server.autoRefresh).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await done()).toBe(true);
}
