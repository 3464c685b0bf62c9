import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("splits at sentence ends and keeps offsets into the text", () => {
    const text = "Masks work. Do they? Yes!  Trials agree.";
    expect(texts(text)).toEqual(["Masks work.", "Do they?", "Yes!", "Trials agree."]);
  });

  it("does not cut after abbreviations, initials or decimals", () => {
    const text =
      "Dr. Smith et al. found a 3.5% drop in the U.S. Army, e.g. in J. Doe's unit. Then it rose.";
    expect(texts(text)).toEqual([
      "Dr. Smith et al. found a 3.5% drop in the U.S. Army, e.g. in J. Doe's unit.",
      "Then it rose.",
    ]);
  });

  it("keeps a closing quote with its sentence and handles text without an end mark", () => {
    expect(texts('He said "stop." She left')).toEqual(['He said "stop."', "She left"]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("   \n ")).toEqual([]);
  });
});

describe("splitSentences at paragraph breaks", () => {
  it("ends a sentence at a blank line, so a heading does not run into its paragraph", () => {
    const text =
      "Why I stopped wearing a mask\n\nIn my opinion masks do not work.\n \nShort list item\n\nLast one";
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      "Why I stopped wearing a mask",
      "In my opinion masks do not work.",
      "Short list item",
      "Last one",
    ]);
  });
});
