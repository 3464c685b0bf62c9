import { describe, expect, it } from "vitest";
import { detachedStageRun } from "../core/interfaces/stage-run.js";
import { MAX_QUERY_CHARS } from "../text/query-length.js";
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

  it("shortens a word too long to search for and says so in a note", () => {
    const notes: string[] = [];
    const run = { ...detachedStageRun("plan"), note: (text: string) => notes.push(text) };
    const blob = "QUJD".repeat(120);
    const plan = planQueries(understandText(`Masks ${blob} work and ${blob} helps`), run);
    for (const q of plan.queries) {
      expect(q.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
      expect(q.text).not.toContain(blob);
    }
    expect(notes).toEqual([
      "the input has a word of 480 characters; the searches used only its first 60",
    ]);
  });

  it("keeps an unspaced script within the query limit", () => {
    const plan = planQueries(understandText("口罩可以减少病毒传播".repeat(150)));
    for (const q of plan.queries) expect(q.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
});
