import { describe, expect, it } from "vitest";
import { stemWord } from "../dist/text/passage-match.js";
import { mulberry32 } from "../dist/text/prng.js";
import { contradictSentence, contradictText } from "./contradiction.ts";
import { contrastPairs } from "./contrast-pairs.ts";

const anchor = (text: string) => new Set(text.toLowerCase().split(/\W+/).map(stemWord));

describe("contradictSentence", () => {
  it("removes the negation of a negated sentence", () => {
    const claim = "Face masks reduce the spread of COVID-19";
    expect(
      contradictSentence("Face masks did not reduce the spread.", anchor(claim), mulberry32(1)),
    ).toBe("Face masks did reduce the spread.");
  });

  it("negates or reverses a plain sentence about the claim's words", () => {
    const claim = "Vitamin D lowers the risk of fractures";
    const outs = [1, 2, 3, 4, 5].map((seed) =>
      contradictSentence(
        "Vitamin D lowered the risk of fractures.",
        anchor(claim),
        mulberry32(seed),
      ),
    );
    for (const out of outs) {
      expect([
        "Vitamin D not lowered the risk of fractures.",
        "Vitamin D raised the risk of fractures.",
      ]).toContain(out);
    }
  });

  it("only adds or removes negations when asked to", () => {
    const claim = "Bariatric surgery reduces breast cancer";
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(
        contradictSentence(claim, anchor("surgery reduces cancer"), mulberry32(seed), true),
      ).toBe("Bariatric surgery not reduces breast cancer");
    }
  });

  it("gives up on a sentence with nothing to negate", () => {
    expect(contradictSentence("Cats sleep.", anchor("dogs bark"), mulberry32(1))).toBeUndefined();
  });
});

describe("contradictText", () => {
  it("rewrites only the sentence that matches the claim", () => {
    const text = "The trial ran for a year. Masks were effective against the virus.";
    const out = contradictText(text, anchor("masks effective virus"), mulberry32(1));
    expect(out?.startsWith("The trial ran for a year. Masks were ")).toBe(true);
    expect(out).not.toBe(text);
  });
});

describe("contrastPairs", () => {
  const pairs = [
    {
      claim: "Face masks reduce the spread of COVID-19.",
      text: "Face masks reduced the spread of COVID-19 in households.",
      label: "agree" as const,
      group: "g1",
      source: "scifact" as const,
    },
    {
      claim: "Cats are smarter than dogs.",
      text: "A long article.",
      label: "unrelated" as const,
      group: "g2",
      source: "scifact" as const,
    },
  ];

  it("flips the label of the pairs it rewrites, keeps their group, and is seeded", () => {
    const out = contrastPairs(pairs, 1, 7);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ label: "disagree", group: "g1", source: "contrast" });
    expect(contrastPairs(pairs, 1, 7)).toEqual(out);
  });
});
