import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import type { SqliteStores } from "../store/sqlite/sqlite-store.js";
import { contentHash } from "../text/hash.js";
import { type IngestOptions, type IngestProgress, ingestPaths } from "./ingest.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/ingest/", import.meta.url));

// The fixtures copied into `corpus/`: nine files, ten documents, three things skipped.
const MIXED = [
  "article.html",
  "article.pdf",
  "beir-corpus.jsonl",
  "documents.jsonl",
  "empty-shell.html",
  "guide.md",
  "note.txt",
  "scifact-corpus.jsonl",
  "truncated.pdf",
];

const AUTO: IngestOptions = { format: "auto" };

let root = "";
let store: SqliteStores;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "factually-ingest-"));
  store = openSqliteStore(join(root, "factually.db"));
});

afterEach(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

/** Writes `content` at `path` under the test folder, making its parents. */
function write(path: string, content: string | Uint8Array): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** Copies the named fixtures into `folder` under the test folder. */
function copyFixtures(folder: string, names: readonly string[]): void {
  mkdirSync(join(root, folder), { recursive: true });
  for (const name of names) copyFileSync(join(FIXTURES, name), join(root, folder, name));
}

const ingest = (inputs: string[], options: Partial<IngestOptions> = {}) =>
  ingestPaths(store.corpus, inputs, { ...AUTO, cwd: root, ...options });

/** The rejection of `promise`; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<FactuallyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FactuallyError);
  return error as FactuallyError;
}

const WASHING = {
  title: "No id here",
  text: "Hand washing with soap cut diarrhoeal disease by about a third in community trials.",
};

describe("ingestPaths", () => {
  it("ingests a folder of mixed formats and counts what happened", async () => {
    copyFixtures("corpus", MIXED);
    const summary = await ingest(["corpus"]);
    expect(summary.files).toBe(9);
    expect(summary.documents).toEqual({ added: 10, updated: 0, unchanged: 0, duplicate: 0 });
    expect(summary.failedFiles).toBe(2);
    expect(summary.skipped).toEqual([
      { file: "corpus/documents.jsonl", line: 2, reason: "not valid JSON" },
      { file: "corpus/empty-shell.html", reason: "no readable text in the page" },
      { file: "corpus/truncated.pdf", reason: expect.stringMatching(/\S/) },
    ]);
    expect(summary.seconds).toBeGreaterThanOrEqual(0);
    const stats = await store.corpus.corpusStats();
    expect(stats.documents).toBe(10);
    expect(summary.passages).toBe(stats.passages);
    expect(summary.passages).toBeGreaterThanOrEqual(10);
  });

  it("names whole files by their path, and keeps the ids that records carry", async () => {
    copyFixtures("corpus", MIXED);
    await ingest(["corpus"]);
    for (const name of ["article.html", "article.pdf", "guide.md", "note.txt"]) {
      const stored = await store.corpus.getDocument(`file:corpus/${name}`);
      expect(stored?.metadata.source, name).toBe(`corpus/${name}`);
    }
    expect((await store.corpus.getDocument("file:corpus/note.txt"))?.title).toBe(
      "Notes on sugar and hyperactivity",
    );
    expect((await store.corpus.getDocument("1"))?.title).toBe("Vitamin D and colds");
    expect((await store.corpus.getDocument("101"))?.title).toBe(
      "Face masks and influenza-like illness in households",
    );
    expect((await store.corpus.getDocument("b1"))?.url).toBe("https://example.org/coffee-liver");
    const idless = `sha256:${contentHash(WASHING.title, WASHING.text).slice(0, 16)}`;
    expect(await store.corpus.getDocument(idless)).toMatchObject({
      ...WASHING,
      metadata: { source: "corpus/documents.jsonl" },
    });
    expect(await store.corpus.getDocument("file:corpus/documents.jsonl")).toBeUndefined();
    expect(await store.corpus.getDocument("file:corpus/empty-shell.html")).toBeUndefined();
  });

  it("names a file outside the working folder by its absolute path", async () => {
    const file = write("elsewhere/note.txt", "Outside\n\nA note kept outside the working folder.");
    const summary = await ingestPaths(store.corpus, [file], { ...AUTO, cwd: join(root, "work") });
    expect(summary.documents.added).toBe(1);
    expect((await store.corpus.getDocument(`file:${file}`))?.metadata.source).toBe(file);
  });

  it("finds everything unchanged when the same folder is ingested again", async () => {
    copyFixtures("corpus", MIXED);
    await ingest(["corpus"]);
    const before = await store.corpus.corpusStats();
    const again = await ingest(["corpus"]);
    expect(again.documents).toEqual({ added: 0, updated: 0, unchanged: 10, duplicate: 0 });
    expect(again.passages).toBe(0);
    expect(again.skipped).toHaveLength(3);
    expect(await store.corpus.corpusStats()).toEqual(before);
  });

  it("updates a file whose text changed and leaves the rest unchanged", async () => {
    copyFixtures("corpus", MIXED);
    await ingest(["corpus"]);
    write("corpus/note.txt", "Notes on sugar\n\nA newer review found the same: no effect at all.");
    const again = await ingest(["corpus"]);
    expect(again.documents).toEqual({ added: 0, updated: 1, unchanged: 9, duplicate: 0 });
    expect(again.passages).toBe(1);
    expect((await store.corpus.getDocument("file:corpus/note.txt"))?.text).toContain(
      "newer review",
    );
    expect((await store.corpus.searchCorpus("newer review", { limit: 1 }))[0]?.document.id).toBe(
      "file:corpus/note.txt",
    );
  });

  it("does not copy an id-less record when it is ingested again, even from another file", async () => {
    const line = JSON.stringify(WASHING);
    write("a.jsonl", `${line}\n`);
    write("b.jsonl", `${line}\n`);
    expect((await ingest(["a.jsonl"])).documents.added).toBe(1);
    expect((await ingest(["a.jsonl"])).documents.unchanged).toBe(1);
    const fromB = await ingest(["b.jsonl"]);
    expect(fromB.documents.added + fromB.documents.duplicate).toBe(0);
    expect(await store.corpus.corpusStats()).toEqual({ documents: 1, passages: 1 });
  });

  it("reports the same text in two files as a duplicate of the first", async () => {
    write("docs/a.txt", "Same title\n\nThe very same text, saved twice under two names.");
    write("docs/b.txt", "Same title\n\nThe very same text, saved twice under two names.");
    const summary = await ingest(["docs"]);
    expect(summary.documents).toEqual({ added: 1, updated: 0, unchanged: 0, duplicate: 1 });
    expect(await store.corpus.getDocument("file:docs/b.txt")).toBeUndefined();
  });

  it("expands globs", async () => {
    copyFixtures("corpus", MIXED);
    copyFixtures("more", ["guide.md"]);
    const jsonl = await ingest(["corpus/*.jsonl"]);
    expect(jsonl.files).toBe(3);
    expect(jsonl.documents.added).toBe(6);
    const markdown = await ingest(["**/*.md"]);
    expect(markdown.files).toBe(2);
    expect(markdown.documents).toEqual({ added: 1, updated: 0, unchanged: 0, duplicate: 1 });
    expect(await store.corpus.getDocument("file:corpus/guide.md")).toBeDefined();
    expect(await store.corpus.corpusStats()).toMatchObject({ documents: 7 });
  });

  it("skips a malformed JSON line with its file and line number and keeps the others", async () => {
    write(
      "data/records.jsonl",
      [
        JSON.stringify({ id: "r1", text: "Statins lowered LDL cholesterol in most trial arms." }),
        '{"id": "r2", "text": "cut off',
        JSON.stringify({ id: "r3", text: "A bad link.", url: "ftp://example.org/x" }),
        "",
        JSON.stringify({ id: "r5", text: "Fish oil did not prevent heart attacks." }),
      ].join("\n"),
    );
    const summary = await ingest(["data/records.jsonl"]);
    expect(summary.documents.added).toBe(2);
    expect(summary.failedFiles).toBe(0);
    expect(summary.skipped).toEqual([
      { file: "data/records.jsonl", line: 2, reason: "not valid JSON" },
      { file: "data/records.jsonl", line: 3, reason: "url: not an http(s) URL" },
    ]);
    expect(await store.corpus.getDocument("r1")).toBeDefined();
    expect(await store.corpus.getDocument("r5")).toBeDefined();
    expect(await store.corpus.getDocument("r3")).toBeUndefined();
  });

  it("fails on a missing path before storing anything", async () => {
    copyFixtures("corpus", MIXED);
    const error = await rejection(ingest(["corpus", "missing.txt", "nothing/*.md"]));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toContain("missing.txt");
    expect(error.message).toContain("nothing/*.md");
    expect(error.target).toBe("missing.txt");
    expect(await store.corpus.corpusStats()).toEqual({ documents: 0, passages: 0 });
  });

  it.skipIf(process.getuid?.() === 0)(
    "skips a file it may not read, with the reason, and stores the rest (not as root: root reads anything)",
    async () => {
      copyFixtures("corpus", ["note.txt", "guide.md"]);
      chmodSync(join(root, "corpus/note.txt"), 0o000);
      const summary = await ingest(["corpus"]);
      expect(summary.skipped).toEqual([
        { file: "corpus/note.txt", reason: "cannot read the file (permission denied)" },
      ]);
      expect(summary.failedFiles).toBe(1);
      expect(summary.documents.added).toBe(1);
      chmodSync(join(root, "corpus/note.txt"), 0o644);
    },
  );

  it("skips a file that disappears while ingesting and stores the rest", async () => {
    copyFixtures("corpus", ["guide.md", "note.txt"]);
    const summary = await ingest(["corpus"], {
      // After the first file, before the second is read.
      onProgress: (progress) => {
        if (progress.filesDone === 1) rmSync(join(root, "corpus/note.txt"));
      },
    });
    expect(summary.files).toBe(2);
    expect(summary.skipped).toEqual([
      { file: "corpus/note.txt", reason: "cannot read the file (ENOENT)" },
    ]);
    expect(summary.failedFiles).toBe(1);
    expect(summary.documents.added).toBe(1);
    expect(await store.corpus.getDocument("file:corpus/guide.md")).toBeDefined();
  });

  it("skips files that fail to parse, with a reason, and stores the others", async () => {
    copyFixtures("mixed", ["truncated.pdf", "empty-shell.html", "note.txt"]);
    write("mixed/latin1.html", new Uint8Array([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9]));
    const summary = await ingest(["mixed"]);
    expect(summary.files).toBe(4);
    expect(summary.documents.added).toBe(1);
    expect(summary.failedFiles).toBe(3);
    expect(summary.skipped).toEqual([
      { file: "mixed/empty-shell.html", reason: "no readable text in the page" },
      { file: "mixed/latin1.html", reason: "not valid text in the charset the page declares" },
      { file: "mixed/truncated.pdf", reason: expect.stringContaining("not a readable PDF") },
    ]);
    expect(await store.corpus.getDocument("file:mixed/note.txt")).toBeDefined();
  });

  it("ignores files of unknown formats found in a folder, but reports one named on its own", async () => {
    write("docs/table.csv", "a,b\n1,2\n");
    write("docs/photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    write("docs/note.txt", "A note\n\nSomething worth keeping.");
    const walked = await ingest(["docs"]);
    expect(walked.ignored).toEqual(["docs/photo.jpg", "docs/table.csv"]);
    expect(walked.skipped).toEqual([]);
    expect(walked.failedFiles).toBe(0);
    expect(walked.documents.added).toBe(1);
    const named = await ingest(["docs/table.csv"]);
    expect(named.ignored).toEqual([]);
    expect(named.skipped).toEqual([
      { file: "docs/table.csv", reason: "unknown format; name it with --format" },
    ]);
    expect(named.failedFiles).toBe(1);
  });

  it("reads every file in the format it is told", async () => {
    copyFixtures(".", ["beir-corpus.jsonl"]);
    const summary = await ingest(["beir-corpus.jsonl"], { format: "text" });
    expect(summary.documents.added).toBe(1);
    const stored = await store.corpus.getDocument("file:beir-corpus.jsonl");
    expect(stored?.text).toContain('"_id": "b1"');
  });

  it("reports progress for each file until every file is done", async () => {
    copyFixtures("corpus", MIXED);
    const progress: IngestProgress[] = [];
    await ingest(["corpus"], { onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.filesDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress.every((p) => p.filesTotal === 9)).toBe(true);
    expect(progress.map((p) => p.file)).toEqual(MIXED.map((name) => `corpus/${name}`));
    const bytes = MIXED.reduce((sum, name) => sum + statSync(join(FIXTURES, name)).size, 0);
    const last = progress.at(-1);
    expect(last).toMatchObject({
      filesDone: 9,
      bytesDone: bytes,
      bytesTotal: bytes,
      documents: 10,
    });
    const done = progress.map((p) => p.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it("moves progress forward within one large file of lines, batch by batch", async () => {
    const lines = Array.from({ length: 10 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: `Document number ${i} about topic ${i * 7}.` }),
    );
    const file = write("big.jsonl", `${lines.join("\n")}\n`);
    const size = statSync(file).size;
    const progress: IngestProgress[] = [];
    await ingest(["big.jsonl"], { batchSize: 2, onProgress: (p) => progress.push(p) });
    const done = progress.map((p) => p.bytesDone);
    // Five batches of two lines report 20% … 100% of the file; then the file is done.
    expect(done).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1].map((share) => Math.floor(size * share)));
    expect(progress.map((p) => p.filesDone)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it("stores everything with a small batch size", async () => {
    copyFixtures("corpus", MIXED);
    const progress: IngestProgress[] = [];
    const summary = await ingest(["corpus"], { batchSize: 2, onProgress: (p) => progress.push(p) });
    const done = progress.map((p) => p.filesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ filesDone: 9, filesTotal: 9, documents: 10 });
    expect(summary.documents.added).toBe(10);
    const stats = await store.corpus.corpusStats();
    expect(stats.documents).toBe(10);
    expect(summary.passages).toBe(stats.passages);
    expect((await ingest(["corpus"], { batchSize: 1 })).documents.unchanged).toBe(10);
  });

  it("stops before reading when the signal is already aborted", async () => {
    copyFixtures("corpus", MIXED);
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(ingest(["corpus"], { signal: controller.signal }));
    expect(error.code).toBe("ABORTED");
    expect(await store.corpus.corpusStats()).toEqual({ documents: 0, passages: 0 });
  });
});
