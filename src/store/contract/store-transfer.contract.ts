// The behaviour every store must show when read out and written back (what `db copy` relies
// on): pages in byte order of ids, everything kept as it was, and imports that change nothing
// the second time. Each implementation runs it given a factory of fresh, empty stores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExportPage } from "../../core/interfaces/store-export.js";
import type { Stores } from "../../core/interfaces/stores.js";
import { contentHash } from "../../text/hash.js";
import { fillSampleStores } from "../testing/sample-stores.js";

/** Every row of one kind, read a page of `limit` at a time. */
async function readAll<T extends { id: string } | { check: { id: string } }>(
  read: (page: ExportPage) => Promise<T[]>,
  limit = 2,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await read(after === undefined ? { limit } : { after, limit });
    all.push(...page);
    const last = page.at(-1);
    if (page.length < limit || !last) return all;
    after = "check" in last ? last.check.id : last.id;
  }
}

export function describeStoreTransferContract(
  name: string,
  open: () => Promise<Stores> | Stores,
): void {
  describe(`Store export and import contract: ${name}`, () => {
    let source: Stores;
    let target: Stores;
    beforeEach(async () => {
      source = await open();
      target = await open();
      await fillSampleStores(source);
    });
    afterEach(async () => {
      await Promise.all([source.close(), target.close()]);
    });

    it("exports documents in byte order of their ids, page by page, with ingest dates", async () => {
      const documents = await readAll((page) => source.corpus.exportDocuments(page));
      const ids = documents.map((d) => d.id);
      expect(ids).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
      expect(ids).toHaveLength(7);
      for (const doc of documents) expect(await source.corpus.getDocument(doc.id)).toEqual(doc);
    });

    it("imports documents as they are, keeping ids and ingest dates, and then changes nothing", async () => {
      const documents = await readAll((page) => source.corpus.exportDocuments(page));
      const old = documents.map((d) => ({ ...d, ingestedAt: "2020-01-01T00:00:00.000Z" }));
      expect(await target.corpus.importDocuments(old)).toEqual({
        added: 7,
        updated: 0,
        unchanged: 0,
      });
      expect(await target.corpus.importDocuments(old)).toEqual({
        added: 0,
        updated: 0,
        unchanged: 7,
      });
      expect(await readAll((page) => target.corpus.exportDocuments(page))).toEqual(old);
      expect(await target.corpus.corpusStats()).toEqual(await source.corpus.corpusStats());
      const hits = await target.corpus.searchCorpus("household influenza masks", { limit: 3 });
      expect(hits[0]?.document.id).toBe("a-masks");
    });

    it("imports a changed document over the old one, passages and all", async () => {
      const [first] = await source.corpus.exportDocuments({ limit: 1 });
      if (!first) throw new Error("no document");
      await target.corpus.importDocuments([first]);
      const text = "Entirely new words about ventilation.";
      const changed = { ...first, text, contentHash: contentHash(first.title, text) };
      expect(await target.corpus.importDocuments([changed])).toEqual({
        added: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await target.corpus.getDocument(first.id)).toEqual(changed);
      const hits = await target.corpus.searchCorpus("ventilation", { limit: 1 });
      expect(hits[0]?.passage.text).toBe("Entirely new words about ventilation.");
    });

    it("exports each check with every version and rating, and imports them unchanged", async () => {
      const checks = await readAll((page) => source.checks.exportChecks(page), 1);
      expect(checks).toHaveLength(2);
      expect(checks.map((c) => c.versions.map((v) => v.n))).toEqual([
        [1, 2],
        [1, 2],
      ]);
      expect(checks.map((c) => c.feedback.length)).toEqual([2, 2]);
      expect(checks.map((c) => c.views).sort()).toEqual([1, 3]);
      expect(await target.checks.importChecks(checks)).toEqual({
        added: 2,
        updated: 0,
        unchanged: 0,
      });
      expect(await target.checks.importChecks(checks)).toEqual({
        added: 0,
        updated: 0,
        unchanged: 2,
      });
      expect(await readAll((page) => target.checks.exportChecks(page))).toEqual(checks);
      for (const { check, versions } of checks) {
        expect(await target.checks.getCheck(check.id)).toEqual(
          await source.checks.getCheck(check.id),
        );
        expect(await target.checks.getVersion(check.id, 2)).toEqual(versions[1]);
      }
    });

    it("adds the versions and ratings a check gained since the last import", async () => {
      const [before] = await source.checks.exportChecks({ limit: 1 });
      if (!before) throw new Error("no check");
      const partial = { ...before, versions: before.versions.slice(0, 1), feedback: [] };
      await target.checks.importChecks([{ ...partial, feedback: before.feedback.slice(0, 1) }]);
      expect(await target.checks.importChecks([before])).toEqual({
        added: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await target.checks.exportChecks({ limit: 1 })).toEqual([before]);
    });

    it("takes a check's exported view count on import, so views travel with checks", async () => {
      const [before] = await source.checks.exportChecks({ limit: 1 });
      if (!before) throw new Error("no check");
      await target.checks.importChecks([before]);
      await target.checks.recordView(before.check.id);
      expect((await target.checks.exportChecks({ limit: 1 }))[0]?.views).toBe(before.views + 1);
      expect(await target.checks.importChecks([before])).toEqual({
        added: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await target.checks.exportChecks({ limit: 1 })).toEqual([before]);
    });

    it("exports snapshots in id order and imports them unchanged, then changes nothing", async () => {
      const snapshots = await readAll((page) => source.snapshots.exportSnapshots(page));
      expect(snapshots).toHaveLength(3);
      expect(await target.snapshots.importSnapshots(snapshots)).toEqual({
        added: 3,
        updated: 0,
        unchanged: 0,
      });
      expect(await target.snapshots.importSnapshots(snapshots)).toEqual({
        added: 0,
        updated: 0,
        unchanged: 3,
      });
      const revalidated = snapshots.map((s) => ({ ...s, validatedAt: "2026-12-01T00:00:00.000Z" }));
      expect((await target.snapshots.importSnapshots(revalidated)).updated).toBe(3);
      expect(await readAll((page) => target.snapshots.exportSnapshots(page))).toEqual(revalidated);
    });
  });
}
