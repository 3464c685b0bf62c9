// Numbers, dates and names a sentence states that its passages do not: found whatever way they
// are spelled, and never invented from ordinary capitalised words.
import { describe, expect, it } from "vitest";
import { factTokens, missingFacts } from "./fact-tokens.js";

const english = { names: true };

describe("missingFacts", () => {
  it("finds the invented percentage and year in a sentence about a real source", () => {
    const passage =
      "In a cluster-randomised trial in Bangladesh, surgical masks reduced symptomatic COVID-19 infections by 11%.";
    expect(
      missingFacts(
        "Source one proved that masks cut COVID-19 deaths by 99 % in 2025.",
        [passage],
        english,
      ),
    ).toEqual(["99 %", "2025"]);
  });

  it.each([
    ["a space before the percent sign", "cut infections by 11 %", "by 11%"],
    ["percent written out", "cut infections by 11 percent", "by 11%"],
    ["thousands separators", "1,200 children took part", "1200 children"],
    ["a leading zero", "on 03 March", "on 3 March"],
    ["a trailing decimal zero", "a ratio of 0.50", "a ratio of 0.5"],
    ["full-width digits", "cut infections by １１%", "by 11%"],
    ["another case for a name", "COVID-19 cases fell", "covid-19 cases"],
    ["a space inside a name", "COVID-19 cases fell", "COVID 19 cases"],
    ["a possessive", "Pfizer's trial found this", "a trial by Pfizer"],
    ["a citation mark", "the trial [2] found 11%", "it found 11%"],
  ])("accepts a fact written with %s", (_name, sentence, passage) => {
    expect(missingFacts(sentence, [passage], english)).toEqual([]);
  });

  it("does not accept a bare number for a percentage, but accepts a percentage for a bare number", () => {
    expect(missingFacts("It fell by 11%.", ["11 of the children"], english)).toEqual(["11%"]);
    expect(missingFacts("It fell by 11 points.", ["a fall of 11%"], english)).toEqual([]);
  });

  it("does not let a lower-case word stand for a short acronym", () => {
    expect(missingFacts("The WHO recommends masks.", ["people who wear masks"], english)).toEqual([
      "WHO",
    ]);
    expect(missingFacts("The WHO recommends masks.", ["Who recommends masks?"], english)).toEqual(
      [],
    );
  });

  it("treats capitalised words that open a sentence or a quotation as ordinary words", () => {
    const sentence =
      'Researchers found fewer cases. One source states: "Masks reduced infections."';
    expect(missingFacts(sentence, ["masks reduced infections"], english)).toEqual([]);
  });

  it("checks names mid-sentence and acronyms anywhere", () => {
    expect(
      factTokens("WHO data show that masks worked in Norway and Sweden.", english).map(
        (t) => t.text,
      ),
    ).toEqual(["WHO", "Norway", "Sweden"]);
  });

  it("checks numbers but not names when names are off (reports not in English)", () => {
    expect(
      missingFacts("Laut Robert Koch-Institut sanken die Fälle 2021 um 40 %.", ["x"], {
        names: false,
      }),
    ).toEqual(["2021", "40 %"]);
  });
});
