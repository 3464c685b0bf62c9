import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractHtml } from "../dist/read/extract-html.js";
import { compareDoms, compareTexts } from "./dom-compare.ts";
import { parseWithLinkedom } from "./dom-compare-dom.ts";
import { extractWith } from "./dom-compare-extract.ts";
import { formatDomCompareReport } from "./dom-compare-report.ts";
import { machineInfo } from "./report.ts";

const fixtures = new URL("../test/fixtures/", import.meta.url);
const page = (path: string) => ({
  name: path,
  html: readFileSync(new URL(path, fixtures), "utf8"),
});
const allPages = ["ingest/", "web/pages/"].flatMap((dir) =>
  readdirSync(new URL(dir, fixtures))
    .filter((name) => name.endsWith(".html"))
    .map((name) => page(`${dir}${name}`)),
);

describe("compareDoms", () => {
  it("times both DOMs and says whether their title, text and metadata agree", async () => {
    const result = await compareDoms(page("ingest/article.html"), { warmup: 0, iterations: 1 });
    expect(result.page).toBe("ingest/article.html");
    expect(result.bytes).toBeGreaterThan(1000);
    for (const dom of ["linkedom", "jsdom"] as const) {
      const { parseMs, extractMs, extraction } = result.measurements[dom];
      expect(Number.isFinite(parseMs) && Number.isFinite(extractMs)).toBe(true);
      expect(extraction.path).toBe("readability");
      expect(extraction.page?.title).toBe("Masks cut transmission in school trial");
    }
    expect(result.jsdomToLinkedom).toBeGreaterThan(0);
    expect(result.title).toEqual({ verdict: "same" });
    expect(["same", "same-but-whitespace", "different"]).toContain(result.text.verdict);
    // Equal arrays (jsonLdType) once counted as a difference.
    expect(result.metadataDifferences).toEqual([]);
  });

  it("refuses to report a median of no timed rounds", async () => {
    const options = { warmup: 1, iterations: 0 };
    await expect(compareDoms(page("ingest/short-page.html"), options)).rejects.toThrow(RangeError);
  });
});

describe("extractWith", () => {
  it("gives what extractHtml gives when the DOM is linkedom, on every fixture page", () => {
    for (const { html } of allPages) {
      expect(extractWith(parseWithLinkedom, html).page).toEqual(extractHtml(html));
    }
  });
});

describe("compareTexts", () => {
  it("tells identical text from text that differs only in whitespace", () => {
    expect(compareTexts("a b", "a b")).toEqual({ verdict: "same" });
    expect(compareTexts("a\n\nb ", "a b")).toEqual({ verdict: "same-but-whitespace" });
  });

  it("points at the first difference and the size of the differing stretch", () => {
    expect(compareTexts("The cat sat.", "The big cat sat.")).toEqual({
      verdict: "different",
      firstDifference: 4,
      differingChars: { linkedom: 0, jsdom: 4 },
      excerpts: { linkedom: "cat sat.", jsdom: "big cat sat." },
    });
  });

  it("does not count a repeated character twice when one text is the other plus a suffix", () => {
    expect(compareTexts("aa", "aaa").differingChars).toEqual({ linkedom: 0, jsdom: 1 });
  });
});

describe("formatDomCompareReport", () => {
  it("prints the machine, one row per page and a total", async () => {
    const comparison = await compareDoms(page("ingest/short-page.html"), {
      warmup: 0,
      iterations: 1,
    });
    const text = formatDomCompareReport({
      startedAt: "2024-01-01T00:00:00.000Z",
      machine: machineInfo(),
      versions: { linkedom: "1", jsdom: "2" },
      warmup: 0,
      iterations: 1,
      moduleLoadMs: { linkedom: 80, jsdom: 250 },
      comparisons: [comparison],
    });
    expect(text).toContain(`Node ${process.version}`);
    expect(text).toContain("linkedom 80.0 ms, jsdom 250.0 ms");
    expect(text).toMatch(/^ingest\/short-page\.html .* fallback/m);
    expect(text).toMatch(/^all pages /m);
  });
});
