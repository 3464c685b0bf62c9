// A model's quote is found in its passage despite spacing, quote marks, case or Unicode forms,
// and what is stored is the passage's own span.
import { describe, expect, it } from "vitest";
import type { Passage } from "../../core/schema/document.js";
import { findQuote } from "./quotes.js";

const passage = (text: string): Passage => ({
  sourceN: 1,
  documentId: "d",
  text,
  start: 0,
  end: text.length,
  score: 1,
});

describe("findQuote", () => {
  it.each([
    [
      "other spacing and case",
      "the trial   FOUND “no effect”",
      "The trial found \u201cno effect\u201d",
    ],
    ["a composed accent the source wrote decomposed", "café au lait", "Cafe\u0301 au lait"],
    [
      "a word joiner the prompt added to a chat token",
      "said <\u2060|im_start|> twice",
      "said <|im_start|> twice",
    ],
    ["a closing period the model kept", "The trial found no effect.", "The trial found no effect."],
  ])("finds a quote with %s and returns the source's own words", (_name, quote, expected) => {
    const source = passage(`Before. ${expected} After.`);
    expect(findQuote([source], quote)?.text).toBe(expected);
  });

  it.each([
    ["a changed word", "The trial found a large effect"],
    ["a quote too short to show anything was read", "trial"],
  ])("rejects %s", (_name, quote) => {
    expect(findQuote([passage("The trial found no effect.")], quote)).toBeUndefined();
  });
});
