// The behaviour every CheckStore must show: run locks, whole versions, feedback, history; each
// implementation runs it given a factory of fresh, empty stores.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../../assemble/offline-check.js";
import type { CheckStore } from "../../core/interfaces/check-store.js";
import type { Stores } from "../../core/interfaces/stores.js";
import type { Check, CheckVersion } from "../../core/schema/check.js";
import { runCheck } from "../../pipeline/run.js";

const DOCS = [
  {
    id: "masks-trial",
    title: "Face masks and influenza in households",
    text: "Face masks worn within 36 hours of symptom onset reduced household transmission of influenza in a randomised trial of 400 households.",
    publisher: "Example Journal",
    publishedAt: "2009-08-04",
  },
  {
    id: "masks-null",
    title: "Masks in schools",
    text: "Face masks did not reduce the transmission of respiratory viruses in schools, a cluster trial found.",
    publisher: "School Health Review",
  },
];

const CLAIMS = [
  "Face masks reduce household transmission of influenza.",
  "Face masks reduce transmission in schools.",
  "Do face masks reduce influenza?",
];

/** Real versions of real checks, made once over a throwaway corpus of the same implementation. */
async function makeRuns(
  open: () => Promise<Stores> | Stores,
): Promise<Array<{ check: Check; version: CheckVersion }>> {
  const stores = await open();
  try {
    await stores.corpus.upsertDocuments(DOCS);
    const deps = offlineCheckDependencies(stores.corpus);
    const runs = [];
    for (const [i, claim] of CLAIMS.entries()) {
      const at = new Date(Date.UTC(2026, 0, 10 + i));
      runs.push(await runCheck(claim, deps, { now: () => at }));
    }
    return runs;
  } finally {
    await stores.close();
  }
}

const T0 = new Date("2026-03-01T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function describeCheckStoreContract(
  name: string,
  open: () => Promise<Stores> | Stores,
): void {
  describe(`Check store contract: ${name}`, () => {
    let opened: Stores;
    let store: CheckStore;
    let runs: Array<{ check: Check; version: CheckVersion }> = [];

    beforeAll(async () => {
      runs = await makeRuns(open);
    });
    beforeEach(async () => {
      opened = await open();
      store = opened.checks;
    });
    afterEach(async () => {
      await opened.close();
    });

    const run = (i: number) => runs[i] as { check: Check; version: CheckVersion };
    /** Stores run `i` as the next version of its check, returning the stored version. */
    const storeVersion = async (i: number, at = T0): Promise<CheckVersion> => {
      const { check, version } = run(i);
      const lease = await store.beginVersion(check.id, at);
      const next = { ...version, n: lease.n, checkedAt: at.toISOString() };
      await store.commitVersion(lease, check, next);
      return next;
    };

    it("stores a check's first version whole and gives it back unchanged", async () => {
      const { check } = run(0);
      const version = await storeVersion(0);
      expect(version.n).toBe(1);
      expect(await store.getVersion(check.id, 1)).toEqual(version);
      const stored = await store.getCheck(check.id);
      expect(stored?.check).toEqual(check);
      expect(stored?.versions).toEqual([
        {
          n: 1,
          checkedAt: version.checkedAt,
          verdict: { label: version.verdict.label, confidence: version.verdict.confidence },
          sources: version.sources.length,
          feedback: { helpful: 0, notHelpful: 0 },
        },
      ]);
      expect(stored?.running).toBeUndefined();
    });

    it("shows nothing of a version until it is committed", async () => {
      const { check } = run(0);
      const lease = await store.beginVersion(check.id, T0);
      expect(await store.getCheck(check.id)).toBeUndefined();
      expect(await store.getVersion(check.id, lease.n)).toBeUndefined();
      expect((await store.listChecks({ limit: 10 })).checks).toEqual([]);
      await store.abandonVersion(lease);
      await storeVersion(0);
      const second = await store.beginVersion(check.id);
      const stored = await store.getCheck(check.id);
      expect(stored?.versions.map((v) => v.n)).toEqual([1]);
      expect(stored?.running).toEqual({ n: 2, startedAt: second.startedAt });
      await store.abandonVersion(second);
    });

    it("numbers versions 1, 2, 3 and keeps the check's first input and creation date", async () => {
      const { check } = run(0);
      await storeVersion(0, T0);
      await storeVersion(0, later(1000));
      await storeVersion(0, later(2000));
      const stored = await store.getCheck(check.id);
      expect(stored?.versions.map((v) => v.n)).toEqual([1, 2, 3]);
      expect(stored?.check.createdAt).toBe(check.createdAt);
      expect((await store.getVersion(check.id, 2))?.checkedAt).toBe(later(1000).toISOString());
      expect(await store.getVersion(check.id, 4)).toBeUndefined();
    });

    it("refuses a second run of a check while the first holds its lock", async () => {
      const { check } = run(0);
      const lease = await store.beginVersion(check.id, T0);
      await expect(store.beginVersion(check.id, later(5000))).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining(`check ${check.id} is already running`),
      });
      // Another check is not blocked.
      const other = await store.beginVersion(run(1).check.id, T0);
      await store.abandonVersion(other);
      await store.abandonVersion(lease);
      expect((await store.beginVersion(check.id, T0)).n).toBe(1);
    });

    it("frees a lock not renewed for a minute, and the old holder can no longer commit", async () => {
      const { check, version } = run(0);
      const stale = await store.beginVersion(check.id, T0);
      await store.renewLease(stale, later(50_000));
      await expect(store.beginVersion(check.id, later(100_000))).rejects.toMatchObject({
        code: "CONFLICT",
      });
      const taker = await store.beginVersion(check.id, later(111_000));
      expect(taker.n).toBe(1);
      await expect(store.commitVersion(stale, check, version)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("lost its lock"),
      });
      await expect(store.renewLease(stale)).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await store.getCheck(check.id)).toBeUndefined();
      await store.commitVersion(taker, check, version);
      expect((await store.getCheck(check.id))?.versions).toHaveLength(1);
    });

    it("refuses to commit a version under another check's or number's lease", async () => {
      const lease = await store.beginVersion(run(0).check.id, T0);
      await expect(
        store.commitVersion(lease, run(1).check, { ...run(1).version, n: 1 }),
      ).rejects.toMatchObject({ code: "INTERNAL" });
      await expect(
        store.commitVersion(lease, run(0).check, { ...run(0).version, n: 2 }),
      ).rejects.toMatchObject({ code: "INTERNAL" });
      expect(await store.getCheck(run(0).check.id)).toBeUndefined();
    });

    it("keeps feedback per version, with comments, and tallies it", async () => {
      const { check } = run(0);
      await storeVersion(0, T0);
      await storeVersion(0, later(1000));
      const rate = (version: number, helpful: boolean, comment?: string) =>
        store.addFeedback({
          checkId: check.id,
          version,
          helpful,
          ...(comment ? { comment } : {}),
          createdAt: T0.toISOString(),
        });
      await rate(1, true, "clear <b>and</b> cited");
      await rate(1, false);
      await rate(2, true);
      await rate(2, true);
      const stored = await store.getCheck(check.id);
      expect(stored?.versions.map((v) => v.feedback)).toEqual([
        { helpful: 1, notHelpful: 1 },
        { helpful: 2, notHelpful: 0 },
      ]);
      const first = await store.listFeedback(check.id, 1);
      expect(first.map((f) => [f.helpful, f.comment])).toEqual([
        [true, "clear <b>and</b> cited"],
        [false, undefined],
      ]);
      await expect(rate(3, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        store.addFeedback({
          checkId: "unknown-check-00000000",
          version: 1,
          helpful: true,
          createdAt: T0.toISOString(),
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("keeps one rating per rater and version: a second one replaces the first", async () => {
      const { check } = run(0);
      await storeVersion(0, T0);
      await storeVersion(0, later(1000));
      const rate = (version: number, helpful: boolean, rater?: string, comment?: string) =>
        store.addFeedback(
          {
            checkId: check.id,
            version,
            helpful,
            ...(comment ? { comment } : {}),
            createdAt: T0.toISOString(),
          },
          rater === undefined ? undefined : { rater },
        );
      for (let i = 0; i < 50; i++) await rate(1, i % 2 === 0, "203.0.113.7");
      await rate(1, true, "203.0.113.7", "changed my mind");
      await rate(1, false, "2001:db8:1:2::/64");
      await rate(2, true, "203.0.113.7"); // another version: its own rating
      await rate(1, true); // no rater (the CLI): always a rating of its own
      await rate(1, true);
      const stored = await store.getCheck(check.id);
      expect(stored?.versions.map((v) => v.feedback)).toEqual([
        { helpful: 3, notHelpful: 1 },
        { helpful: 1, notHelpful: 0 },
      ]);
      const listed = await store.listFeedback(check.id, 1);
      expect(listed).toHaveLength(4);
      expect(listed.map((f) => f.comment).filter(Boolean)).toEqual(["changed my mind"]);
      // The rater is never handed back (nor exported): it is the store's own business.
      expect(JSON.stringify(listed)).not.toContain("203.0.113.7");
      const exported = await store.exportChecks({ limit: 10 });
      expect(JSON.stringify(exported)).not.toContain("203.0.113.7");
      await expect(rate(3, true, "203.0.113.7")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("lists checks by their latest version, newest first, in pages", async () => {
      await storeVersion(0, later(1000));
      await storeVersion(1, later(2000));
      await storeVersion(2, later(3000));
      await storeVersion(0, later(4000)); // check 0 again: now the newest
      const first = await store.listChecks({ limit: 2 });
      expect(first.checks.map((c) => c.check.id)).toEqual([run(0).check.id, run(2).check.id]);
      expect(first.checks[0]?.latest.n).toBe(2);
      expect(first.checks[0]?.versionCount).toBe(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await store.listChecks({ limit: 2, cursor: first.nextCursor as string });
      expect(second.checks.map((c) => c.check.id)).toEqual([run(1).check.id]);
      expect(second.nextCursor).toBeUndefined();
      await expect(store.listChecks({ limit: 2, cursor: "not-a-cursor" })).rejects.toMatchObject({
        code: "BAD_INPUT",
      });
    });

    it("counts views of a check, and ignores views of an unknown one", async () => {
      await storeVersion(0, T0);
      await store.recordView(run(0).check.id);
      await store.recordView(run(0).check.id);
      await store.recordView("unknown-check-00000000");
      const [stale] = await store.listStale({ now: later(2 * DAY), minAgeDays: 1, limit: 5 });
      expect(stale).toMatchObject({ check: { id: run(0).check.id }, views: 2, latest: { n: 1 } });
    });

    it("lists stale checks by whole days of age, then most viewed, leaving out younger ones", async () => {
      const now = later(30 * DAY);
      await storeVersion(0, T0); // 30 days old
      await storeVersion(1, later(DAY / 2)); // 29.5 days old, 2 views
      await storeVersion(2, later(DAY / 5)); // 29.8 days old, 1 view
      await store.recordView(run(1).check.id);
      await store.recordView(run(1).check.id);
      await store.recordView(run(2).check.id);
      const ids = async (minAgeDays: number, limit = 10) =>
        (await store.listStale({ now, minAgeDays, limit })).map((s) => s.check.id);
      // Same day of age (29): the more viewed one first, though it is the younger.
      expect(await ids(1)).toEqual([run(0).check.id, run(1).check.id, run(2).check.id]);
      expect(await ids(1, 2)).toEqual([run(0).check.id, run(1).check.id]);
      expect(await ids(29.6)).toEqual([run(0).check.id, run(2).check.id]);
      expect(await ids(30)).toEqual([]);
      const [first] = await store.listStale({ now, minAgeDays: 1, limit: 1 });
      expect(first?.latest.checkedAt).toBe(T0.toISOString());
      expect(first?.views).toBe(0);
    });

    it("lists as stale only what its own freshness window and latest version allow", async () => {
      const now = later(30 * DAY);
      await storeVersion(0, T0);
      await storeVersion(1, T0);
      await storeVersion(1, later(29 * DAY)); // refreshed yesterday
      const ids = async () =>
        (await store.listStale({ now, minAgeDays: 7, limit: 10 })).map((s) => s.check.id);
      expect(await ids()).toEqual([run(0).check.id]);
      await store.setFreshness(run(0).check.id, 45);
      expect(await ids()).toEqual([]);
      await store.setFreshness(run(0).check.id, 20);
      expect(await ids()).toEqual([run(0).check.id]);
    });

    it("leaves a check whose run lock is held out of the stale list, and still fills the page", async () => {
      const now = later(30 * DAY);
      await storeVersion(0, T0);
      await storeVersion(1, later(DAY));
      await storeVersion(2, later(2 * DAY));
      const lease = await store.beginVersion(run(0).check.id, now);
      const ids = async () =>
        (await store.listStale({ now, minAgeDays: 1, limit: 2 })).map((s) => s.check.id);
      expect(await ids()).toEqual([run(1).check.id, run(2).check.id]);
      await store.abandonVersion(lease);
      expect(await ids()).toEqual([run(0).check.id, run(1).check.id]);
    });

    it("counts the versions after a check's first made since a given time", async () => {
      await storeVersion(0, T0);
      await storeVersion(0, later(HOUR));
      await storeVersion(1, later(2 * HOUR));
      await storeVersion(0, later(3 * HOUR));
      expect(await store.countRefreshes(T0)).toBe(2);
      expect(await store.countRefreshes(later(2 * HOUR))).toBe(1);
      expect(await store.countRefreshes(later(3 * HOUR))).toBe(1);
      expect(await store.countRefreshes(later(4 * HOUR))).toBe(0);
    });

    it("remembers the last two times history was looked at", async () => {
      expect(await store.historyLooks()).toEqual({});
      await store.recordHistoryLook(T0);
      expect(await store.historyLooks()).toEqual({ latest: T0.toISOString() });
      await store.recordHistoryLook(later(HOUR));
      await store.recordHistoryLook(later(2 * HOUR));
      expect(await store.historyLooks()).toEqual({
        latest: later(2 * HOUR).toISOString(),
        previous: later(HOUR).toISOString(),
      });
    });

    it("sets, keeps and clears a check's own freshness window and origin", async () => {
      const { check, version } = run(0);
      const lease = await store.beginVersion(check.id, T0);
      const origin = {
        author: "A. Senator",
        url: "https://example.org/speech",
        date: "2026-02-01",
      };
      await store.commitVersion(lease, { ...check, origin, freshnessDays: 7 }, version);
      expect((await store.getCheck(check.id))?.check).toMatchObject({ origin, freshnessDays: 7 });
      await storeVersion(0, later(1000)); // a later version without them keeps them
      expect((await store.getCheck(check.id))?.check).toMatchObject({ origin, freshnessDays: 7 });
      await store.setOrigin(check.id, { author: "A. Governor" });
      expect((await store.getCheck(check.id))?.check.origin).toEqual({ author: "A. Governor" });
      await expect(store.setOrigin("nope-00000000", { author: "X" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await store.setFreshness(check.id, 90);
      expect((await store.getCheck(check.id))?.check.freshnessDays).toBe(90);
      await store.setFreshness(check.id, undefined);
      expect((await store.getCheck(check.id))?.check.freshnessDays).toBeUndefined();
      await expect(store.setFreshness("nope-00000000", 3)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });
  });
}
