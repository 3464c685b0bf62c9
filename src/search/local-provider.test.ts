import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { SearchHit } from "../core/schema/search-hit.js";
import { CorpusReader } from "../read/corpus-reader.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { LocalSearchProvider } from "./local-provider.js";

let dir: string;
let store: SqliteStores;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-local-"));
  store = openSqliteStore(join(dir, "c.db"));
  await store.corpus.upsertDocuments([
    {
      id: "who-masks",
      title: "Mask use in the community",
      text: "Masks reduce the spread of respiratory droplets.",
      url: "https://example.org/masks",
      publishedAt: "2020-06-05",
      publisher: "Example Health",
    },
    { id: "bread", title: "Sourdough", text: "Bread rises because yeast ferments sugar." },
  ]);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("LocalSearchProvider", () => {
  it("returns valid SearchHits ranked from 1 with the document's facts", async () => {
    const hits = await new LocalSearchProvider(store.corpus).search("do masks reduce spread", {
      limit: 5,
    });
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(SearchHit.parse(hit)).toEqual(hit);
    expect(hit).toMatchObject({
      providerId: "local",
      query: "do masks reduce spread",
      rank: 1,
      documentId: "who-masks",
      title: "Mask use in the community",
      url: "https://example.org/masks",
      publishedAt: "2020-06-05",
      publisher: "Example Health",
      snippet: "Masks reduce the spread of respiratory droplets.",
    });
  });

  it("stops at the limit", async () => {
    const hits = await new LocalSearchProvider(store.corpus).search("masks bread", { limit: 1 });
    expect(hits.map((h) => h.rank)).toEqual([1]);
  });

  it("reports a cancelled search as ABORTED", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      new LocalSearchProvider(store.corpus).search("masks", {
        limit: 1,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: "ABORTED" });
  });
});

describe("CorpusReader", () => {
  it("reads the full document behind a local hit", async () => {
    const [hit] = await new LocalSearchProvider(store.corpus).search("yeast", { limit: 1 });
    if (!hit) throw new Error("no hit");
    const reader = new CorpusReader(store.corpus);
    expect(reader.canRead(hit)).toBe(true);
    const { document: doc } = await reader.read(hit);
    expect(doc).toMatchObject({ id: "bread", text: "Bread rises because yeast ferments sugar." });
  });

  it("cannot read a web hit, and says NOT_FOUND for a document removed since", async () => {
    const reader = new CorpusReader(store.corpus);
    const web = { providerId: "web", query: "q", rank: 1, score: 1, title: "t", snippet: "s" };
    expect(reader.canRead(web)).toBe(false);
    const gone = { ...web, documentId: "deleted" };
    const error = await reader.read(gone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactuallyError);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
  });
});
