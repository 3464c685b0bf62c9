import { describe, expect, it } from "vitest";
import { splitPassages } from "../dist/text/passages.js";
import { mulberry32 } from "../dist/text/prng.js";
import { syntheticDocuments, syntheticQueries } from "./synthetic-corpus.ts";
import { countWords, createWordSampler, type Vocabulary, zipfVocabulary } from "./vocabulary.ts";

const vocabulary: Vocabulary = countWords(
  [
    "The effect of vitamin D on bone density in older adults was measured.",
    "Vitamin D deficiency is common; the effect on fracture risk is debated.",
    "Randomised trials of masks and respiratory infection in health workers.",
  ],
  "test sentences",
);

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("countWords", () => {
  it("counts lower-cased words, most frequent first, ties alphabetical", () => {
    const v = countWords(["B a b", "A c"], "t");
    expect(v.words).toEqual(["a", "b", "c"]);
    expect(v.counts).toEqual([2, 2, 1]);
  });
});

describe("createWordSampler", () => {
  it("draws words in proportion to their counts", () => {
    const sample = createWordSampler({ words: ["x", "y"], counts: [3, 1], source: "t" });
    const random = mulberry32(7);
    let xs = 0;
    for (let i = 0; i < 20_000; i++) if (sample(random) === "x") xs++;
    expect(xs / 20_000).toBeCloseTo(0.75, 1);
  });
});

describe("syntheticDocuments", () => {
  it("makes the same documents for the same seed", () => {
    const a = [...syntheticDocuments(vocabulary, 50, 1)];
    const b = [...syntheticDocuments(vocabulary, 50, 1)];
    expect(b).toEqual(a);
    expect([...syntheticDocuments(vocabulary, 50, 2)]).not.toEqual(a);
  });

  it("makes a smaller corpus that is a prefix of a larger one", () => {
    const small = [...syntheticDocuments(vocabulary, 20, 1)];
    const large = [...syntheticDocuments(vocabulary, 40, 1)];
    expect(large.slice(0, 20)).toEqual(small);
  });

  it("gives every document a unique id, a short title and 60–120 words", () => {
    const docs = [...syntheticDocuments(vocabulary, 200, 3)];
    expect(new Set(docs.map((d) => d.id)).size).toBe(200);
    for (const doc of docs) {
      const words = doc.text.split(" ").length;
      expect(words).toBeGreaterThanOrEqual(60);
      expect(words).toBeLessThanOrEqual(120);
      expect(doc.title.split(" ").length).toBeLessThanOrEqual(12);
    }
  });

  it("keeps every document to one passage of the store, even with long words", () => {
    const long = countWords(
      ["photosynthetically immunohistochemistry electroencephalography"],
      "t",
    );
    for (const doc of syntheticDocuments(long, 50, 5)) {
      expect(doc.text.length).toBeLessThanOrEqual(880);
      expect(splitPassages(doc.text)).toHaveLength(1);
    }
    for (const doc of syntheticDocuments(zipfVocabulary(30_000), 200, 5)) {
      expect(splitPassages(doc.text)).toHaveLength(1);
    }
  });
});

describe("syntheticQueries", () => {
  it("makes the same 4–8-word queries for the same seed", () => {
    const queries = syntheticQueries(vocabulary, 30, 1);
    expect(syntheticQueries(vocabulary, 30, 1)).toEqual(queries);
    expect(queries).toHaveLength(30);
    for (const query of queries) {
      const n = query.split(" ").length;
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(8);
    }
  });
});
