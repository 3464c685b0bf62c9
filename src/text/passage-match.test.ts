import { describe, expect, it } from "vitest";
import { bestPassage, stemWord, tokenize } from "./passage-match.js";

const flatIdf = () => 1;

describe("tokenize", () => {
  it("keeps offsets into the original text and stems like the index does", () => {
    const text = "Masks reduced Transmission; café-goers";
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      "Masks",
      "reduced",
      "Transmission",
      "café",
      "goers",
    ]);
    expect(tokens.map((t) => t.stem)).toEqual(["mask", "reduc", "transmiss", "cafe", "goer"]);
  });

  it("stems a query word and a document word to the same stem", () => {
    expect(stemWord("REDUCES")).toBe(stemWord("reduced"));
    expect(stemWord("Naïve")).toBe(stemWord("naive"));
  });
});

describe("bestPassage", () => {
  const stems = new Set(["mask", "transmiss"]);

  it("picks the passage with the most query words and marks them", () => {
    const passages = [
      { text: "Background on respiratory viruses in general." },
      { text: "Masks cut transmission; wearing masks helped." },
    ];
    const best = bestPassage(passages, stems, flatIdf);
    expect(best?.passage).toBe(passages[1]);
    const text = passages[1]?.text ?? "";
    expect(best?.highlights.map(([s, e]) => text.slice(s, e))).toEqual([
      "Masks",
      "transmission",
      "masks",
    ]);
  });

  it("weighs rare words above common ones", () => {
    const passages = [{ text: "masks masks masks" }, { text: "transmission" }];
    const idf = (stem: string) => (stem === "transmiss" ? 10 : 0.1);
    expect(bestPassage(passages, stems, idf)?.passage).toBe(passages[1]);
  });

  it("returns the first passage, unmarked, when no query word occurs", () => {
    const passages = [{ text: "one" }, { text: "two" }];
    const best = bestPassage(passages, stems, flatIdf);
    expect(best?.passage).toBe(passages[0]);
    expect(best?.score).toBe(0);
    expect(best?.highlights).toEqual([]);
  });

  it("returns nothing for a document without passages", () => {
    expect(bestPassage([], stems, flatIdf)).toBeUndefined();
  });
});
