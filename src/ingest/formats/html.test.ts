import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { collectRecords } from "./collect-records.js";
import { parseHtml } from "./html.js";

const fixture = (name: string) =>
  readFile(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));
const parse = (bytes: Uint8Array) => collectRecords(parseHtml, { path: "page.html", bytes });

describe("parseHtml", () => {
  it("keeps the article's text and takes url, date and publisher from its metadata", async () => {
    const [record] = await parse(await fixture("article.html"));
    expect(record).toMatchObject({
      ok: true,
      document: {
        title: "Masks cut transmission in school trial",
        url: "https://news.example.org/health/masks-school-trial",
        publishedAt: "2021-03-15T09:30:00+01:00",
        publisher: "The Daily Example",
        metadata: { byline: "Jane Reporter", modifiedAt: "2021-03-16", language: "en-GB" },
      },
    });
    expect(record).not.toHaveProperty("line");
    const text = record?.ok ? record.document.text : "";
    expect(text).toContain("A randomised trial in 120 schools");
    expect(text).not.toContain("Privacy");
  });

  it("skips a page that has no readable text", async () => {
    expect(await parse(await fixture("empty-shell.html"))).toEqual([
      { ok: false, reason: "no readable text in the page" },
    ]);
  });

  it("reports bytes that are not valid in the page's charset", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("<p>caf"),
      0xe9,
      0x3c,
      0x2f,
      0x70,
      0x3e,
    ]);
    expect(await parse(bytes)).toEqual([
      { ok: false, reason: "not valid text in the charset the page declares" },
    ]);
  });

  it("decodes a page in the charset it declares", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>Caf'),
      0xe9,
      ...new TextEncoder().encode(" au lait.</p>"),
    ]);
    const [record] = await parse(bytes);
    expect(record).toMatchObject({ ok: true, document: { text: "Café au lait." } });
  });
});
