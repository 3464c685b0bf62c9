import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../detect-format.js";
import { collectRecords } from "./collect-records.js";
import { parsers } from "./index.js";

const folder = new URL("../../../test/fixtures/ingest/", import.meta.url);
const NOT_FIXTURES = new Set(["README.md", "make-pdfs.mjs"]);

describe("parsers", () => {
  it("detects and parses every fixture without throwing", async () => {
    const names = (await readdir(folder)).filter((name) => !NOT_FIXTURES.has(name));
    const outcomes: Record<string, string> = {};
    for (const name of names.sort()) {
      const bytes = await readFile(new URL(name, folder));
      const format = detectFormat(name, bytes.subarray(0, 4096));
      if (!format) throw new Error(`no format for ${name}`);
      const records = await collectRecords(parsers[format], { path: name, bytes });
      const kept = records.filter((record) => record.ok).length;
      outcomes[name] = `${format} ${kept}/${records.length}`;
    }
    expect(outcomes).toEqual({
      "article.html": "html 1/1",
      "article.pdf": "pdf 1/1",
      "beir-corpus.jsonl": "beir 2/2",
      "documents.jsonl": "jsonl 2/3",
      "empty-shell.html": "html 0/1",
      "encrypted.pdf": "pdf 0/1",
      "guide.md": "markdown 1/1",
      "latin1.txt": "text 0/1",
      "note.txt": "text 1/1",
      "scanned.pdf": "pdf 0/1",
      "scifact-corpus.jsonl": "scifact 2/2",
      "short-page.html": "html 1/1",
      "truncated.pdf": "pdf 0/1",
      "windows.txt": "text 1/1",
    });
  });
});
