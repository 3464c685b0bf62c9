// The behaviour every SnapshotStore must show: pages kept as dated snapshots, one per content,
// re-validated in place; each implementation runs it given a factory of fresh, empty stores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewSnapshot } from "../../core/interfaces/snapshot-store.js";
import type { Stores } from "../../core/interfaces/stores.js";

const page = (over: Partial<NewSnapshot> = {}): NewSnapshot => ({
  url: "https://example.org/report",
  finalUrl: "https://example.org/report",
  fetchedAt: "2026-11-01T10:00:00.000Z",
  validatedAt: "2026-11-01T10:00:00.000Z",
  contentType: "text/html",
  etag: '"v1"',
  contentHash: "a".repeat(64),
  title: "Report",
  text: "The report says one thing.",
  publishedAt: "2026-10-30",
  publisher: "Example",
  metadata: { language: "en" },
  ...over,
});

/** Runs the SnapshotStore contract on the snapshots of stores made by `open`, fresh each test. */
export function describeSnapshotStoreContract(
  name: string,
  open: () => Promise<Stores> | Stores,
): void {
  describe(`Snapshot store contract: ${name}`, () => {
    let store: Stores;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("stores a page and finds it by URL and by id", async () => {
      const saved = await store.snapshots.saveSnapshot(page());
      expect(saved.id).toMatch(/^snap-[0-9a-f]{16}$/);
      expect(await store.snapshots.latestSnapshot("https://example.org/report")).toEqual(saved);
      expect(await store.snapshots.getSnapshot(saved.id)).toEqual(saved);
      expect(await store.snapshots.latestSnapshot("https://example.org/other")).toBeUndefined();
    });

    it("keeps one snapshot for unchanged content and a new one when the page changes", async () => {
      const first = await store.snapshots.saveSnapshot(page());
      const same = await store.snapshots.saveSnapshot(
        page({
          fetchedAt: "2026-11-20T10:00:00.000Z",
          validatedAt: "2026-11-20T10:00:00.000Z",
          etag: '"v1b"',
        }),
      );
      expect(same.id).toBe(first.id);
      expect(same.fetchedAt).toBe(first.fetchedAt);
      expect(same.validatedAt).toBe("2026-11-20T10:00:00.000Z");
      expect(same.etag).toBe('"v1b"');
      const changed = await store.snapshots.saveSnapshot(
        page({
          fetchedAt: "2026-11-25T10:00:00.000Z",
          validatedAt: "2026-11-25T10:00:00.000Z",
          contentHash: "b".repeat(64),
          text: "The report now says another.",
        }),
      );
      expect(changed.id).not.toBe(first.id);
      expect((await store.snapshots.latestSnapshot(page().url))?.id).toBe(changed.id);
      // The old snapshot stays readable: a stored check still cites what it read.
      expect((await store.snapshots.getSnapshot(first.id))?.text).toBe(
        "The report says one thing.",
      );
    });

    it("records a 304 as a validation, keeping the content", async () => {
      const saved = await store.snapshots.saveSnapshot(page());
      await store.snapshots.markValidated(saved.id, "2026-11-29T08:00:00.000Z", { etag: '"v2"' });
      const after = await store.snapshots.getSnapshot(saved.id);
      expect(after).toMatchObject({
        validatedAt: "2026-11-29T08:00:00.000Z",
        etag: '"v2"',
        text: saved.text,
      });
    });
  });
}
