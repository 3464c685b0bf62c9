import { describe, expect, it } from "vitest";
import { formatSearchResults, markRanges, PLAIN_HIGHLIGHT, wrap } from "./format-search.js";

describe("markRanges", () => {
  it("marks ranges and joins the halves of a hyphenated word", () => {
    const text = "COVID-19 spread fast";
    expect(
      markRanges(
        text,
        [
          [0, 5],
          [6, 8],
          [9, 15],
        ],
        PLAIN_HIGHLIGHT,
      ),
    ).toBe("«COVID-19» «spread» fast");
  });

  it("ignores ranges out of order or past the end", () => {
    expect(
      markRanges(
        "abc def",
        [
          [4, 7],
          [0, 3],
          [5, 99],
        ],
        PLAIN_HIGHLIGHT,
      ),
    ).toBe("abc «def»");
  });
});

describe("wrap", () => {
  it("breaks at the width, not counting colour codes", () => {
    const coloured = "\u001b[1mmasks\u001b[0m";
    const lines = wrap(`${coloured} reduce the spread of droplets`, 12, "  ").split("\n");
    expect(lines).toEqual([`  ${coloured} reduce`, "  the spread", "  of droplets"]);
  });
});

describe("formatSearchResults", () => {
  it("shows rank, title, facts and the marked passage", () => {
    const out = formatSearchResults(
      "masks",
      [
        {
          document: {
            id: "d1",
            title: "Masks",
            url: "https://e.org/m",
            publishedAt: "2020-06-05T00:00:00Z",
          },
          score: 1.5,
          passage: { text: "Masks work.", start: 0, end: 11, highlights: [[0, 5]] },
        },
      ],
      { mark: PLAIN_HIGHLIGHT, width: 80 },
    );
    expect(out).toBe(
      "1. Masks\n   d1 · 2020-06-05 · score 1.500\n   https://e.org/m\n   «Masks» work.",
    );
  });
});
