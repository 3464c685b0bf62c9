import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isFactuallyError } from "../core/errors.js";
import { extractPdf } from "./extract-pdf.js";

const fixture = (name: string) =>
  readFile(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));

async function failure(bytes: Uint8Array): Promise<unknown> {
  try {
    await extractPdf(bytes);
  } catch (error) {
    return error;
  }
  throw new Error("expected extractPdf to fail");
}

describe("extractPdf", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("returns each page's text separated by a blank line, with the info dictionary", async () => {
    expect(await extractPdf(await fixture("article.pdf"))).toEqual({
      title: "Masks and transmission",
      author: "A. Researcher",
      publishedAt: "2021-03-15T12:00:00.000Z",
      pages: 2,
      text: "Masks and transmission\nMasks reduced transmission in the trial.\n\nThe effect was small but consistent.",
    });
  });

  it("returns empty text for a PDF without a text layer", async () => {
    expect(await extractPdf(await fixture("scanned.pdf"))).toEqual({ text: "", pages: 1 });
  });

  it("throws PARSE_FAILED for a truncated or encrypted file", async () => {
    const truncated = await failure(await fixture("truncated.pdf"));
    expect(isFactuallyError(truncated) && truncated.code).toBe("PARSE_FAILED");
    const encrypted = await failure(await fixture("encrypted.pdf"));
    expect(isFactuallyError(encrypted) && encrypted.message).toBe(
      "the PDF is encrypted (password protected)",
    );
  });

  it("leaves the caller's bytes usable", async () => {
    const bytes = new Uint8Array(await fixture("article.pdf"));
    await extractPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await extractPdf(bytes)).pages).toBe(2);
  });

  it("prints nothing to the console, even for damaged files", async () => {
    const writes = vi.spyOn(process.stdout, "write");
    const logged = ["log", "info", "warn", "error", "debug"].map((method) =>
      vi.spyOn(console, method as "log"),
    );
    await extractPdf(await fixture("article.pdf"));
    await failure(await fixture("truncated.pdf"));
    await failure(await fixture("encrypted.pdf"));
    await failure(new TextEncoder().encode("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n"));
    expect(writes).not.toHaveBeenCalled();
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });
});
