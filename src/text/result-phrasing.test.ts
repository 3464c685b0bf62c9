import { describe, expect, it } from "vitest";
import {
  claimsBenefit,
  ratioDirection,
  reportsNegativeResult,
  riskDirection,
} from "./result-phrasing.js";

describe("reportsNegativeResult and claimsBenefit", () => {
  it("reads null and negative results", () => {
    for (const s of [
      "However, the results of this study do not support its use in patients admitted to hospital with covid-19 who require oxygen.",
      "There was no significant difference in 28-day mortality.",
      "Hydroxychloroquine did not reduce the risk of death.",
      "Treatment failed to shorten the time to recovery.",
    ])
      expect(reportsNegativeResult(s), s).toBe(true);
    expect(reportsNegativeResult("Remdesivir shortened the time to recovery.")).toBe(false);
  });

  it("reads claims of benefit, but not their denials", () => {
    expect(claimsBenefit("Hydroxychloroquine cures COVID-19 in most patients.")).toBe(true);
    expect(claimsBenefit("Convalescent plasma reduces mortality.")).toBe(true);
    expect(claimsBenefit("Masks do not reduce the spread of COVID-19.")).toBe(false);
    expect(claimsBenefit("5G spreads COVID-19.")).toBe(false);
  });
});

describe("ratioDirection and riskDirection", () => {
  it("reads which way a ratio effect size points, trusting its confidence interval", () => {
    expect(ratioDirection("odds ratio 2.77 (95% confidence interval 1.04 to 7.97)")).toBe(1);
    expect(ratioDirection("aOR 0·15, 95% CI 0.07 to 0.34")).toBe(-1);
    expect(ratioDirection("OR, 0.65 [95% CI, 0.29-1.46]; P = .30")).toBe(0);
    expect(ratioDirection("Masks work.")).toBe(0);
  });

  it("reads which way a claim says a risk goes", () => {
    expect(
      riskDirection("Gastric infection with Helicobacter pylori decreases risk of gastric cancer."),
    ).toBe(-1);
    expect(riskDirection("Birth-weight is negatively associated with breast cancer.")).toBe(-1);
    expect(riskDirection("Smoking increases the risk of lung cancer.")).toBe(1);
    expect(riskDirection("Masks work.")).toBe(0);
  });
});
