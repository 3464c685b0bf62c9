// Checks as records: reuse of fresh versions, new versions when stale or made differently,
// refresh with a diff, and one run per check at a time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckDependencies } from "../pipeline/run.js";
import { requireVersion } from "../records/lookup.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { offlineCheckDependencies } from "./offline-check.js";
import { checkOrReuse, refreshCheck, runAndStore } from "./stored-check.js";

const CLAIM = "Face masks reduce household transmission of influenza.";
const DAY = 86_400_000;
const T0 = new Date("2026-06-01T09:00:00Z");
const at = (days: number) => () => new Date(T0.getTime() + days * DAY);

let store: SqliteStores;
let deps: CheckDependencies;

beforeEach(async () => {
  store = openSqliteStore(":memory:");
  await store.corpus.upsertDocuments([
    {
      id: "masks-trial",
      title: "Face masks and influenza in households",
      text: "Face masks worn within 36 hours of symptom onset reduced household transmission of influenza in a randomised trial of 400 households.",
      publisher: "Example Journal",
    },
  ]);
  deps = offlineCheckDependencies(store.corpus);
});
afterEach(() => store.close());

describe("checkOrReuse", () => {
  it("runs the first time, reuses a fresh version, and runs again when it is stale", async () => {
    const options = { configuredFreshnessDays: 30 };
    const first = await checkOrReuse(store.checks, deps, CLAIM, { ...options, now: at(0) });
    expect(first.outcome).toBe("first");
    expect(first.version.n).toBe(1);
    const again = await checkOrReuse(store.checks, deps, `  ${CLAIM.toUpperCase()} `, {
      ...options,
      now: at(29),
    });
    expect(again.outcome).toBe("reused");
    expect(again.version).toEqual(first.version);
    const stale = await checkOrReuse(store.checks, deps, CLAIM, { ...options, now: at(31) });
    expect(stale.outcome).toBe("stale");
    expect(stale.version.n).toBe(2);
    expect(stale.version.checkedAt).toBe(at(31)().toISOString());
  });

  it("honours --fresh, a check's own window and changed settings", async () => {
    const base = { configuredFreshnessDays: 30, now: at(0) };
    await checkOrReuse(store.checks, deps, CLAIM, base);
    expect((await checkOrReuse(store.checks, deps, CLAIM, { ...base, fresh: true })).outcome).toBe(
      "forced",
    );
    const changed = await checkOrReuse(store.checks, deps, CLAIM, {
      ...base,
      limits: { maxSources: 2 },
    });
    expect(changed.outcome).toBe("settings-changed");
    expect(changed.version.settings.limits).toEqual({ maxSources: 2 });
    // Made the same way again: reused.
    expect(
      (await checkOrReuse(store.checks, deps, CLAIM, { ...base, limits: { maxSources: 2 } }))
        .outcome,
    ).toBe("reused");
    // A 3-day window on the check makes a 5-day-old version stale, whatever the config says.
    const short = await checkOrReuse(store.checks, deps, CLAIM, {
      ...base,
      limits: { maxSources: 2 },
      freshnessDays: 3,
    });
    expect(short.check.freshnessDays).toBe(3);
    const later = await checkOrReuse(store.checks, deps, CLAIM, {
      configuredFreshnessDays: 30,
      limits: { maxSources: 2 },
      now: at(5),
    });
    expect(later.outcome).toBe("stale");
  });

  it("rejects unusable text before touching the store", async () => {
    await expect(
      checkOrReuse(store.checks, deps, "   ", { configuredFreshnessDays: 30 }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect((await store.checks.listChecks({ limit: 5 })).checks).toEqual([]);
  });
});

describe("runAndStore", () => {
  it("stores nothing and frees the lock when the run fails", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runAndStore(store.checks, deps, CLAIM, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: "ABORTED" });
    expect((await store.checks.listChecks({ limit: 5 })).checks).toEqual([]);
    const { version } = await runAndStore(store.checks, deps, CLAIM);
    expect(version.n).toBe(1);
  });

  it("refuses a second run of the same check while one is running", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let searching: () => void = () => {};
    const inSearch = new Promise<void>((resolve) => {
      searching = resolve;
    });
    // Holds the run inside its search stage until released: a run genuinely in progress.
    const slow: CheckDependencies = {
      ...deps,
      providers: deps.providers.map((p) => ({
        id: p.id,
        search: async (query, options) => {
          searching();
          await gate;
          return p.search(query, options);
        },
      })),
    };
    const running = runAndStore(store.checks, slow, CLAIM);
    // Waits for the run to reach its search stage, not for a time a busy machine may exceed.
    await inSearch;
    await expect(runAndStore(store.checks, deps, CLAIM)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    release();
    const done = await running;
    expect(done.version.n).toBe(1);
    expect((await runAndStore(store.checks, deps, CLAIM)).version.n).toBe(2);
  });
});

describe("refreshCheck", () => {
  it("runs version n+1 with the same limits and diffs it against version n", async () => {
    await checkOrReuse(store.checks, deps, CLAIM, {
      configuredFreshnessDays: 30,
      limits: { maxSources: 2 },
      now: at(0),
    });
    const id = (await store.checks.listChecks({ limit: 1 })).checks[0]?.check.id as string;
    await store.corpus.upsertDocuments([
      {
        id: "masks-null",
        title: "Masks and influenza at home",
        text: "Face masks did not reduce household transmission of influenza in a second randomised trial of 300 households.",
        publisher: "Another Journal",
      },
    ]);
    const refreshed = await refreshCheck(store.checks, deps, id, { now: at(40) });
    expect(refreshed.previous.n).toBe(1);
    expect(refreshed.version.n).toBe(2);
    expect(refreshed.version.settings.limits).toEqual({ maxSources: 2 });
    expect(refreshed.diff.sources.added.map((s) => s.key)).toEqual(["corpus:masks-null"]);
    expect(refreshed.diff.sentences.added.length).toBeGreaterThan(0);
    expect((await requireVersion(store.checks, id)).version.n).toBe(2);
  });

  it("names the unknown id (each edge adds its own way out) and a version out of range", async () => {
    await expect(refreshCheck(store.checks, deps, "no-such-check-12345678")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "no check no-such-check-12345678",
      target: "no-such-check-12345678",
      subject: "check",
    });
    const { check } = await runAndStore(store.checks, deps, CLAIM);
    await expect(requireVersion(store.checks, check.id, 2)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `check ${check.id} has no version 2; it has only version 1`,
    });
  });
});
