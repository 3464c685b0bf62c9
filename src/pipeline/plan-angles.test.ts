import { describe, expect, it } from "vitest";
import { planQueries } from "./plan.js";
import { anglesFor } from "./plan-angles.js";
import { understandText } from "./understand.js";

const angles = (text: string) => anglesFor(understandText(text));

describe("the plan's angles", () => {
  it("looks for outcomes and benefit, and for null results and risks, around a claimed benefit", () => {
    expect(angles("Masks reduce the transmission of COVID-19.")).toEqual({
      shape: "benefit",
      negated: false,
      supporting: "effective benefit outcomes",
      critical: "no effect ineffective risks",
    });
    expect(angles("Hydroxychloroquine cures COVID-19").shape).toBe("benefit");
    expect(angles("Remdesivir shortens recovery time").shape).toBe("benefit");
  });

  it("looks for an association, and for its absence and debunking, around a claimed harm or cause", () => {
    expect(angles("5G spreads COVID-19")).toMatchObject({
      shape: "harm",
      supporting: "associated increased risk",
      critical: "no association misinformation",
    });
    expect(angles("Smoking causes lung cancer.").shape).toBe("harm");
  });

  it("looks for the estimates and their revisions around a number", () => {
    expect(angles("80% of infections are asymptomatic")).toMatchObject({
      shape: "statistic",
      supporting: "estimate data",
      critical: "overestimated uncertainty revised",
    });
    expect(angles("1 in 5 million in UK have abnormal PrP positivity.").shape).toBe("statistic");
    // A number inside a name is not a statistic.
    expect(angles("5G spreads COVID-19").shape).not.toBe("statistic");
    expect(angles("SARS-CoV-2 infects cats.").shape).not.toBe("statistic");
  });

  it("trades the angles for a claim that denies an effect", () => {
    expect(angles("Vitamin D does not prevent COVID-19")).toEqual({
      shape: "benefit",
      negated: true,
      supporting: "no effect ineffective risks",
      critical: "effective benefit outcomes",
    });
  });

  it("asks for examples and for challenges on an open question, as the fact-check page (docs/how-a-check-works.md) does", () => {
    expect(
      angles("How are ICE tactical operations coordinated between ERO and HSI divisions?"),
    ).toMatchObject({
      shape: "question",
      supporting: "examples findings",
      critical: "challenges limitations criticism",
    });
    // A yes-or-no question tests a statement.
    expect(angles("Do masks work?").shape).toBe("benefit");
  });

  it("no longer appends one fixed phrase to every claim (before: 'evidence confirms' / 'no evidence false misleading')", () => {
    for (const text of [
      "Masks reduce transmission.",
      "5G spreads COVID-19",
      "80% of cases are mild",
    ]) {
      const plan = planQueries(understandText(text));
      for (const q of plan.queries) {
        expect(q.text).not.toMatch(/evidence confirms|no evidence false misleading/);
      }
    }
    const texts = [
      "Masks reduce transmission.",
      "5G spreads COVID-19",
      "80% of cases are mild",
    ].map((t) => planQueries(understandText(t)).queries[1]?.text.split(" ").slice(-2).join(" "));
    expect(new Set(texts).size).toBe(3);
  });
});
