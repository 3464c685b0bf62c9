import { describe, expect, it } from "vitest";
import { claimSubject, definedAbbreviations, mentionsSubject, termKey } from "./claim-subject.js";

const keyOf = (claim: string) => claimSubject(claim)?.key;

describe("claimSubject", () => {
  it("finds the key term of the subject of a claim", () => {
    expect(keyOf("Vitamin C cures COVID-19.")).toBe("Vitamin C");
    expect(keyOf("Hydroxychloroquine cures COVID-19 in most patients.")).toBe("Hydroxychloroquine");
    expect(keyOf("Remdesivir shortens the time to recovery.")).toBe("Remdesivir");
    expect(keyOf("Convalescent plasma reduces mortality.")).toBe("plasma");
    expect(keyOf("Face masks reduce the spread of COVID-19.")).toBe("masks");
    expect(keyOf("5G spreads COVID-19.")).toBe("5G");
    expect(keyOf("ALDH1 expression is associated with better breast cancer outcomes.")).toBe(
      "ALDH1",
    );
    expect(keyOf("A deficiency of vitamin B12 increases blood levels of homocysteine.")).toBe(
      "vitamin B12",
    );
    expect(keyOf("Activation of PPM1D suppresses p53 function.")).toBe("PPM1D");
  });

  it('reads past a fact-checker\'s "Says" and a leading adverbial', () => {
    expect(keyOf("Says Tennessee is providing millions of dollars to a virtual school.")).toBe(
      "Tennessee",
    );
    expect(keyOf("Says that under the Obama administration, the debt has nearly doubled.")).toBe(
      "debt",
    );
    expect(keyOf("From 2003 to 2006, Sesame Street made more than $211 million.")).toBe("Street");
    expect(keyOf("In adults with diabetes, metformin lowers the risk of cancer.")).toBe(
      "metformin",
    );
  });

  it("names no subject when the claim's subject is its speaker or a bare adverb", () => {
    // "We", "I", "she" are whoever said it; no source has to name "we" to bear on the claim.
    expect(claimSubject("We spend more on our military than the next eight nations.")).toBe(
      undefined,
    );
    expect(claimSubject("I never supported a state income tax for Texas.")).toBe(undefined);
    expect(claimSubject("Says she is a registered nurse.")).toBe(undefined);
  });

  it("finds what a question asks about", () => {
    expect(keyOf("Do face masks reduce the spread of COVID-19?")).toBe("masks");
    expect(keyOf("How long does immunity last after COVID-19 infection?")).toBe("immunity");
    expect(keyOf("Can people without symptoms transmit COVID-19?")).toBeDefined();
  });

  it("takes the agent of a passive claim as its subject", () => {
    expect(keyOf("Mortality is reduced by convalescent plasma.")).toBe("plasma");
  });
});

describe("mentionsSubject", () => {
  const vitaminC = claimSubject("Vitamin C cures COVID-19.");
  if (!vitaminC) throw new Error("no subject");

  it("tells vitamin C from vitamin D", () => {
    expect(mentionsSubject(vitaminC, "Vitamin C infusion in severe COVID-19.")).toBe(true);
    expect(mentionsSubject(vitaminC, "High-dose ascorbic acid was given.")).toBe(true);
    expect(mentionsSubject(vitaminC, "Vitamin D supplementation and COVID-19 outcomes.")).toBe(
      false,
    );
  });

  it("knows common other names and the abbreviations a document defines", () => {
    const hcq = claimSubject("Hydroxychloroquine cures COVID-19.");
    if (!hcq) throw new Error("no subject");
    expect(mentionsSubject(hcq, "HCQ did not lower mortality.")).toBe(true);
    const hsc = claimSubject("All hematopoietic stem cells segregate their chromosomes randomly.");
    if (!hsc) throw new Error("no subject");
    const abbreviations = definedAbbreviations("Haematopoietic stem cells (HSCs) were labelled.");
    expect(mentionsSubject(hsc, "All HSCs segregate randomly.", abbreviations)).toBe(true);
    expect(mentionsSubject(hsc, "All HSCs segregate randomly.")).toBe(false);
  });

  it("folds British spellings and word endings", () => {
    expect(termKey("haematopoietic")).toBe(termKey("hematopoietic"));
    expect(termKey("tumour")).toBe(termKey("tumor"));
    const smoking = claimSubject("Smoking causes lung cancer.");
    if (!smoking) throw new Error("no subject");
    expect(mentionsSubject(smoking, "Smokers had more cancers.")).toBe(true);
  });
});
