import { describe, expect, it } from "vitest";
import { directAnswer } from "./stance-assessor.js";

describe("directAnswer", () => {
  const claim = "France has cancelled the visas of Pakistani citizens.";

  it("reads a plain yes or no to a question that restates the claim", () => {
    expect(
      directAnswer(
        claim,
        "Has France cancelled Pakistani citizens' visas?",
        "No. The embassy said no visas were cancelled.",
      ),
    ).toBe("no");
    expect(
      directAnswer(claim, "Has France cancelled Pakistani citizens' visas?", "Yes, in October."),
    ).toBe("yes");
    expect(
      directAnswer(
        claim,
        "Has France cancelled Pakistani citizens' visas?",
        "There is no evidence of that.",
      ),
    ).toBe("no");
  });

  it("turns the answer around when the question or the claim is negated", () => {
    expect(
      directAnswer(
        "France has not cancelled the visas of Pakistani citizens.",
        "Has France cancelled Pakistani citizens' visas?",
        "No.",
      ),
    ).toBe("yes");
  });

  it("ignores answers to other questions, answers without a yes or no, and titles that are not questions", () => {
    expect(
      directAnswer(claim, "What did Imran Khan say about Macron?", "No comment was given."),
    ).toBeUndefined();
    expect(
      directAnswer(
        claim,
        "Has France cancelled Pakistani citizens' visas?",
        "The embassy said so.",
      ),
    ).toBeUndefined();
    expect(directAnswer(claim, "France cancels Pakistani visas", "No.")).toBeUndefined();
  });
});
