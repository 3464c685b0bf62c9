import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { collectRecords } from "./collect-records.js";
import { parseMarkdown } from "./markdown.js";
import { parseText } from "./text.js";

const fixture = (name: string) =>
  readFile(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));
const fromText = (parser: typeof parseText, text: string) =>
  collectRecords(parser, { path: "x", bytes: new TextEncoder().encode(text) });

describe("parseText", () => {
  it("makes the whole file one document titled by its first non-empty line", async () => {
    const bytes = await fixture("note.txt");
    const records = await collectRecords(parseText, { path: "note.txt", bytes });
    expect(records).toEqual([
      {
        ok: true,
        document: {
          title: "Notes on sugar and hyperactivity",
          text: new TextDecoder().decode(bytes),
        },
      },
    ]);
  });

  it("drops the BOM and turns CRLF into LF", async () => {
    const [record] = await collectRecords(parseText, {
      path: "windows.txt",
      bytes: await fixture("windows.txt"),
    });
    expect(record).toEqual({
      ok: true,
      document: {
        title: "The first line of a Windows file",
        text: "The first line of a Windows file\nSecond line.\n\nA new paragraph.\n",
      },
    });
  });

  it("reports a file that is not UTF-8 instead of garbling it", async () => {
    const records = await collectRecords(parseText, {
      path: "latin1.txt",
      bytes: await fixture("latin1.txt"),
    });
    expect(records).toEqual([
      { ok: false, reason: "not valid UTF-8 text (convert it to UTF-8 first)" },
    ]);
  });

  it("reports an empty file", async () => {
    expect(await fromText(parseText, " \n\n")).toEqual([
      { ok: false, reason: "the file is empty" },
    ]);
  });

  it("caps a long first line as a title at a word boundary", async () => {
    const line = "word ".repeat(100).trim();
    const [record] = await fromText(parseText, `${line}\n`);
    const title = record?.ok ? (record.document.title ?? "") : "";
    expect(title.length).toBeLessThanOrEqual(201);
    expect(title).toMatch(/^word( word)+…$/);
  });
});

describe("parseMarkdown", () => {
  it("titles the document by its first heading and keeps the Markdown as written", async () => {
    const bytes = await fixture("guide.md");
    const [record] = await collectRecords(parseMarkdown, { path: "guide.md", bytes });
    expect(record).toEqual({
      ok: true,
      document: {
        title: "Does cracking your knuckles cause arthritis?",
        text: new TextDecoder().decode(bytes),
      },
    });
  });

  it("takes the title from front matter, and skips headings inside code fences", async () => {
    const [fromFrontMatter] = await fromText(parseMarkdown, '---\ntitle: "Salt"\n---\n# Other\n');
    const [afterFence] = await fromText(
      parseMarkdown,
      "```sh\n# a comment\n```\n\n## Real title ##\n",
    );
    expect(fromFrontMatter).toMatchObject({ ok: true, document: { title: "Salt" } });
    expect(afterFence).toMatchObject({ ok: true, document: { title: "Real title" } });
  });
});
