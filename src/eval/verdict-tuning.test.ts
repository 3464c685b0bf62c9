import { describe, expect, it } from "vitest";
import { loadStanceModel } from "../stance/model.js";
import { GRID, tuneVerdict } from "./verdict-tuning.js";
import type { VerificationSet } from "./verification-data.js";

const set: VerificationSet = {
  name: "tiny",
  documents: [
    {
      id: "a",
      title: "Vitamin D trial",
      text: "Vitamin D supplements reduced influenza in schoolchildren.",
    },
    { id: "b", title: "Bridges", text: "The new bridge opened to traffic on Monday." },
  ],
  claims: [
    {
      id: "1",
      text: "Vitamin D supplements reduce influenza in schoolchildren.",
      gold: "SUPPORT",
      evidence: ["a"],
    },
    { id: "2", text: "Quantum tunnelling powers migratory birds.", gold: "NEI", evidence: [] },
  ],
};

describe("tuneVerdict", () => {
  it("scores every grid setting with the real assessor and judge, best first", async () => {
    const results = await tuneVerdict(set, loadStanceModel());
    const size = Object.values(GRID).reduce((n, values) => n * values.length, 1);
    expect(results).toHaveLength(size);
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]?.macroF1).toBeGreaterThanOrEqual(results[i]?.macroF1 ?? 0);
    // The unrelated claim is NEI under every setting; the best setting also gets the supported one.
    expect(results[0]?.accuracy).toBe(1);
  });
});
