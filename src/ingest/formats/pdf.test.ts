import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { collectRecords } from "./collect-records.js";
import { parsePdf } from "./pdf.js";

const parse = async (name: string) => {
  const bytes = await readFile(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));
  return collectRecords(parsePdf, { path: name, bytes });
};

describe("parsePdf", () => {
  it("makes one document of all pages with the PDF's title, date and author", async () => {
    expect(await parse("article.pdf")).toEqual([
      {
        ok: true,
        document: {
          title: "Masks and transmission",
          text: "Masks and transmission\nMasks reduced transmission in the trial.\n\nThe effect was small but consistent.",
          publishedAt: "2021-03-15T12:00:00.000Z",
          metadata: { pages: 2, author: "A. Researcher" },
        },
      },
    ]);
  });

  it("skips a truncated PDF with a reason instead of throwing", async () => {
    const [record] = await parse("truncated.pdf");
    expect(record).toEqual({ ok: false, reason: expect.stringMatching(/^not a readable PDF/) });
  });

  it("skips an encrypted PDF and says so", async () => {
    expect(await parse("encrypted.pdf")).toEqual([
      { ok: false, reason: "the PDF is encrypted (password protected)" },
    ]);
  });

  it("skips a scanned PDF that has no text layer", async () => {
    expect(await parse("scanned.pdf")).toEqual([
      { ok: false, reason: "no text layer (scanned PDF?)" },
    ]);
  });

  it("skips a file that is not a PDF at all", async () => {
    const bytes = new TextEncoder().encode("<html>not a pdf</html>");
    const [record] = await collectRecords(parsePdf, { path: "fake.pdf", bytes });
    expect(record).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not a readable PDF/),
    });
  });
});
