import { describe, expect, it } from "vitest";
import { isKnownWord } from "./nlp.js";
import { asWritten, inSentence } from "./sentence-case.js";

describe("inSentence", () => {
  it("drops a capital that only starts the sentence", () => {
    expect(inSentence("Masks reduce transmission")).toBe("masks reduce transmission");
    expect(inSentence("The WHO declared a pandemic")).toBe("the WHO declared a pandemic");
    expect(inSentence("Hydroxychloroquine cures COVID-19")).toBe(
      "hydroxychloroquine cures COVID-19",
    );
    expect(inSentence("Vitamin D does not prevent COVID-19")).toBe(
      "vitamin D does not prevent COVID-19",
    );
  });

  it("keeps names, acronyms and words written with inner capitals or digits", () => {
    for (const text of [
      "Eiffel Tower is in Paris",
      "Bill Gates wants it",
      "Paris is the capital",
      "China reported cases",
      "WHO declared it",
      "5G spreads COVID-19",
      "COVID-19 spreads",
      "mRNA vaccines work",
      "eiffel tower",
    ]) {
      expect(inSentence(text), text).toBe(text);
    }
  });
});

describe("asWritten", () => {
  it("finds a lower-cased term as the input writes it", () => {
    expect(asWritten("5g", "5G spreads COVID-19")).toBe("5G");
    expect(asWritten("covid", "5G spreads COVID-19")).toBe("COVID");
    expect(asWritten("masks", "Masks reduce transmission")).toBe("masks");
    expect(asWritten("eiffel", "Is the Eiffel Tower in Paris?")).toBe("Eiffel");
    expect(asWritten("absent", "Masks reduce transmission")).toBe("absent");
  });
});

describe("isKnownWord", () => {
  it("tells the lexicon's words, as spelt, from the rest", () => {
    expect(isKnownWord("masks")).toBe(true);
    expect(isKnownWord("China")).toBe(true);
    expect(isKnownWord("Masks")).toBe(false);
    expect(isKnownWord("Paris")).toBe(false);
    expect(isKnownWord("remdesivir")).toBe(false);
  });
});
