import { describe, expect, it } from "vitest";
import { planQueries } from "./plan.js";
import { understandText } from "./understand.js";

describe("plan", () => {
  it("plans a neutral, a supporting and a critical query over the claim's terms", () => {
    const plan = planQueries(
      understandText("How are ICE tactical operations coordinated between ERO and HSI divisions?"),
    );
    expect(plan.queries.map((q) => q.intent)).toEqual(["neutral", "supporting", "critical"]);
    for (const q of plan.queries) expect(q.text).toMatch(/^ICE ERO HSI tactical operations/);
    expect(plan.planner).toBe("templates@2");
  });

  it("is deterministic", () => {
    const claim = understandText("Vitamin D supplements prevent influenza.");
    expect(planQueries(claim)).toEqual(planQueries(claim));
  });

  it("adds a neutral query per part of a compound claim", () => {
    const plan = planQueries(
      understandText("Masks reduce transmission and vaccines prevent death."),
    );
    expect(plan.queries.length).toBe(5);
    expect(plan.queries.slice(3).map((q) => [q.intent, q.text])).toEqual([
      ["neutral", "masks reduce transmission"],
      ["neutral", "vaccines prevent death"],
    ]);
  });
});
