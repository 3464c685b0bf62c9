import { describe, expect, it } from "vitest";
import { isAimSentence, leadingSectionLabel, sectionsOf } from "./abstract-sections.js";

describe("leadingSectionLabel", () => {
  it("reads the labels journals print in capitals, with or without a colon", () => {
    expect(
      leadingSectionLabel("RESULTS Of the 32,441 appendix samples 16 were positive.")?.kind,
    ).toBe("results");
    expect(leadingSectionLabel("BACKGROUND: Masks are widely used.")?.kind).toBe("background");
    expect(leadingSectionLabel("CONCLUSIONS AND RELEVANCE In this trial, X worked.")?.kind).toBe(
      "conclusions",
    );
    expect(
      leadingSectionLabel("DESIGN, SETTING, AND PARTICIPANTS A cohort of 900 adults.")?.kind,
    ).toBe("methods");
    expect(leadingSectionLabel("Objective: To test whether masks work.")?.kind).toBe("objective");
  });

  it("reads a combined label by its finding part", () => {
    expect(leadingSectionLabel("METHODS AND RESULTS We found that X lowers Y.")?.kind).toBe(
      "results",
    );
    expect(leadingSectionLabel("METHODOLOGY/PRINCIPAL FINDINGS X lowers Y.")?.kind).toBe("results");
  });

  it("does not take an acronym that opens a sentence for a label", () => {
    expect(leadingSectionLabel("HIV infection rates fell by half.")).toBeUndefined();
    expect(leadingSectionLabel("MRI showed no lesions.")).toBeUndefined();
    expect(leadingSectionLabel("Masks reduce spread.")).toBeUndefined();
  });
});

describe("sectionsOf", () => {
  it("carries a label over the sentences that follow it", () => {
    expect(
      sectionsOf([
        "An unlabelled opening.",
        "METHODS We enrolled 100 adults.",
        "They were followed for a year.",
        "RESULTS Mortality fell.",
        "It fell most in the old.",
      ]),
    ).toEqual([undefined, "methods", "methods", "results", "results"]);
  });
});

describe("isAimSentence", () => {
  it("recognises sentences that state what a study set out to do", () => {
    for (const s of [
      "We aimed to assess whether vitamin D prevents fractures.",
      "This study aims to evaluate masks in schools.",
      "The aim of this study was to compare two drugs.",
      "OBJECTIVE To determine whether remdesivir shortens recovery.",
      "We investigated whether plasma lowers mortality.",
      "Here we tested the hypothesis that X causes Y.",
    ]) {
      expect(isAimSentence(s), s).toBe(true);
    }
  });

  it("leaves findings and conclusions alone", () => {
    for (const s of [
      "We found that vitamin D did not prevent fractures.",
      "We propose that Ly49Q is pivotal in switching neutrophils.",
      "Remdesivir shortened the time to recovery.",
      "These results do not support its use.",
    ]) {
      expect(isAimSentence(s), s).toBe(false);
    }
  });
});

describe("leadingSectionLabel, more shapes", () => {
  it("reads outcome measures as methods and multi-word title-case labels", () => {
    expect(leadingSectionLabel("MAIN OUTCOMES AND MEASURES: Symptoms of depression.")?.kind).toBe(
      "methods",
    );
    expect(leadingSectionLabel("Conclusion and Relevance: Plasma did not help.")?.kind).toBe(
      "conclusions",
    );
    expect(leadingSectionLabel("Patients and methods: 36 patients were included.")?.kind).toBe(
      "methods",
    );
  });
});
