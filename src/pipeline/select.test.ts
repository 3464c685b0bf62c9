import { describe, expect, it } from "vitest";
import type { Document } from "../core/schema/document.js";
import type { ReadDocument } from "./read.js";
import { selectPassages } from "./select.js";
import { understandText } from "./understand.js";

const doc = (id: string, text: string, rank: number): ReadDocument => ({
  document: {
    id,
    title: id,
    text,
    metadata: {},
    contentHash: "0".repeat(64),
    ingestedAt: "2026-01-01T00:00:00.000Z",
  } satisfies Document,
  hit: {
    key: `doc:${id}`,
    score: 1 / rank,
    queries: ["q"],
    hit: {
      providerId: "local",
      query: "q",
      rank,
      score: 1,
      title: id,
      documentId: id,
      snippet: "",
    },
  },
  searchRank: rank,
});

const claim = understandText("Vitamin D supplements prevent influenza in children.");

describe("select", () => {
  it("keeps passages about the claim, with offsets into the document", () => {
    const text = "Vitamin D supplements prevented influenza in children. The weather was cold.";
    const { sources, passages } = selectPassages(claim, [doc("a", text, 1)], {
      wholeDocumentWords: 0,
    });
    expect(sources.map((s) => [s.n, s.read.document.id])).toEqual([[1, "a"]]);
    expect(passages.map((p) => p.text)).toEqual([
      "Vitamin D supplements prevented influenza in children.",
    ]);
    const [p] = passages;
    expect(p && text.slice(p.start, p.end)).toBe(p?.text);
  });

  it("caps the passages of one source so it cannot fill the report", () => {
    const many = Array.from(
      { length: 8 },
      (_, i) => `Vitamin D supplements prevent influenza in children, trial ${i}.`,
    ).join(" ");
    const other =
      "Influenza in children was not prevented by vitamin D supplements in a second trial.";
    const { passages } = selectPassages(claim, [doc("many", many, 1), doc("other", other, 2)], {
      perSource: 2,
    });
    expect(passages.filter((p) => p.sourceN === 1)).toHaveLength(2);
    expect(passages.some((p) => p.sourceN === 2)).toBe(true);
  });

  it("prefers a different passage over a near-duplicate (MMR)", () => {
    const text =
      "Vitamin D supplements prevent influenza in children. Vitamin D supplements prevent influenza in children! " +
      "Influenza in children fell when vitamin D was given daily.";
    const { passages } = selectPassages(claim, [doc("a", text, 1)], {
      perSource: 2,
      lambda: 0.5,
      wholeDocumentWords: 0,
    });
    expect(passages.map((p) => p.text)).toContain(
      "Influenza in children fell when vitamin D was given daily.",
    );
  });

  it("reads a short answer as one passage with its question, so a one-word answer is kept (issue 14)", () => {
    const visas = understandText("France has cancelled the visas of Pakistani citizens.");
    const answer: ReadDocument = {
      ...doc("qa", "No. The French embassy in Islamabad said visas were being issued as usual.", 1),
    };
    answer.document = {
      ...answer.document,
      title: "Has France cancelled Pakistani citizens' visas?",
    };
    const { sources, passages } = selectPassages(visas, [answer]);
    expect(sources).toHaveLength(1);
    expect(passages.map((p) => p.text)).toEqual([answer.document.text]);
  });

  it("marks each passage with its section and where its document names the claim's subject", () => {
    const text =
      "BACKGROUND Influenza is common in children. METHODS We gave vitamin D supplements to 300 children. RESULTS Vitamin D supplements prevented influenza in children.";
    const { passages } = selectPassages(claim, [doc("a", text, 1)], { wholeDocumentWords: 0 });
    const byText = new Map(passages.map((p) => [p.text, p]));
    expect(
      byText.get("RESULTS Vitamin D supplements prevented influenza in children."),
    ).toMatchObject({
      section: "results",
      subjectFound: "passage",
    });
    const background = byText.get("BACKGROUND Influenza is common in children.");
    if (background)
      expect(background).toMatchObject({ section: "background", subjectFound: "document" });
  });

  it("keeps no source when nothing matches the claim well enough", () => {
    const { sources, passages } = selectPassages(claim, [
      doc("a", "Stock markets fell sharply on Monday. Children played.", 1),
    ]);
    expect(sources).toEqual([]);
    expect(passages).toEqual([]);
  });

  it("limits the number of sources", () => {
    const docs = Array.from({ length: 5 }, (_, i) =>
      doc(`d${i}`, `Vitamin D supplements prevent influenza in children (study ${i}).`, i + 1),
    );
    expect(selectPassages(claim, docs, { maxSources: 3 }).sources).toHaveLength(3);
  });
});
