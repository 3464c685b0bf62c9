import { describe, expect, it } from "vitest";
import type { EvidenceBalance } from "../../core/schema/evidence-balance.js";
import { parseHtmlDocument } from "../../read/html-dom.js";
import { balanceFigure } from "./balance-html.js";

const none = { sources: 0, voices: 0, cites: [] };
const balance: EvidenceBalance = {
  supports: { sources: 4, voices: 3, cites: [1, 4, 5, 6] },
  refutes: { sources: 1, voices: 1, cites: [2] },
  mixed: none,
  context: { sources: 3, voices: 3, cites: [3, 7, 8] },
  irrelevant: none,
  total: { sources: 8, voices: 7 },
  retracted: [9],
  weight: { supports: 0.86, refutes: 0.14 },
};

describe("the evidence at a glance", () => {
  const markup = balanceFigure(balance, "claim").value;
  const doc = parseHtmlDocument(`<!doctype html><body>${markup}</body>`);

  it("states the counts in words, as the summary words them, beside the bar", () => {
    const items = [...doc.querySelectorAll(".balance-legend li")].map((li) => li.textContent);
    expect(items).toEqual([
      "4 sources (3 independent voices) support it",
      "One source contradicts it",
      "3 sources give context without taking a side",
    ]);
    expect(doc.querySelector("figure")?.getAttribute("aria-labelledby")).toBe("balance-h");
    expect(doc.querySelector("#balance-h")?.textContent).toBe("The evidence at a glance");
    expect(doc.querySelector(".balance-weight")?.textContent).toMatch(
      /86% of the weight supports it, 14% contradicts it\.$/,
    );
    expect(markup).toContain("Not counted: one retracted source.");
  });

  it("draws the bar with attributes and classes, never a style attribute (the CSP forbids them)", () => {
    expect(markup).not.toMatch(/style=/i);
    const svg = doc.querySelector("svg");
    expect(svg?.getAttribute("aria-hidden")).toBe("true");
    const rects = [...doc.querySelectorAll("rect")];
    expect(rects.map((r) => r.getAttribute("class"))).toEqual([
      "balance-seg balance-seg--supports",
      "balance-seg balance-seg--refutes",
      "balance-seg balance-seg--context",
    ]);
    expect(rects.map((r) => Number(r.getAttribute("width")))).toEqual([50, 12.5, 37.5]);
    expect(rects.map((r) => Number(r.getAttribute("x")))).toEqual([0, 50, 62.5]);
  });

  it("shows a question's sources as addressing it or touching on it, without weights", () => {
    const question = balanceFigure(balance, "question").value;
    expect(question).toContain("5 sources address it directly");
    expect(question).toContain("3 sources touch on it");
    expect(question).not.toContain("of the weight");
  });

  it("shows nothing when no source bears on the input, or for a version without a balance", () => {
    const empty = {
      ...balance,
      supports: none,
      refutes: none,
      context: none,
      total: { sources: 0, voices: 0 },
    };
    expect(balanceFigure(empty, "claim").value).toBe("");
    expect(balanceFigure(undefined, "claim").value).toBe("");
  });
});
