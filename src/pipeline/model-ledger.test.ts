import { describe, expect, it } from "vitest";
import { createModelLedger } from "./model-ledger.js";

describe("model ledger", () => {
  it("adds up calls, tokens and cost per stage and model, and notes fallbacks", () => {
    const ledger = createModelLedger();
    const assess = ledger.stageRun("assess");
    assess.reserveCall();
    assess.record({ model: "m:a", inputTokens: 100, outputTokens: 20, costUsd: 0.001 });
    assess.reserveCall();
    assess.record({ model: "m:a", inputTokens: 50, outputTokens: 10, costUsd: 0.0005 });
    const write = ledger.stageRun("write");
    write.record({ model: "m:a", inputTokens: 7, outputTokens: 3 });
    write.removedCitations(2);
    write.fellBack("PARSE_FAILED: no JSON");
    expect(ledger.usage()).toEqual([
      {
        stage: "assess",
        model: "m:a",
        calls: 2,
        inputTokens: 150,
        outputTokens: 30,
        costUsd: 0.0015,
        removedCitations: 0,
      },
      {
        stage: "write",
        model: "m:a",
        calls: 1,
        inputTokens: 7,
        outputTokens: 3,
        removedCitations: 2,
      },
    ]);
    expect(ledger.totals()).toEqual({ calls: 3, input: 157, output: 33 });
    expect(ledger.fallbacks()).toEqual([{ stage: "write", reason: "PARSE_FAILED: no JSON" }]);
    expect(ledger.notes()).toEqual([
      "write: removed 2 citations of sources that do not exist",
      "write: used the offline method instead of the model (PARSE_FAILED: no JSON)",
    ]);
  });

  it("refuses a call past the check's call budget, shared by all stages", () => {
    const ledger = createModelLedger({ maxCalls: 2, maxTokens: 1_000_000 });
    ledger.stageRun("plan").reserveCall();
    ledger.stageRun("assess").reserveCall();
    expect(() => ledger.stageRun("write").reserveCall()).toThrow(
      expect.objectContaining({
        code: "BUDGET_EXHAUSTED",
        message: expect.stringContaining("FACTUALLY_LLM_MAX_CALLS"),
      }),
    );
  });

  it("refuses a call once the tokens are spent", () => {
    const ledger = createModelLedger({ maxCalls: 100, maxTokens: 100 });
    const run = ledger.stageRun("assess");
    run.reserveCall();
    run.record({ model: "m", inputTokens: 90, outputTokens: 10 });
    expect(() => run.reserveCall()).toThrow(expect.objectContaining({ code: "BUDGET_EXHAUSTED" }));
  });
});
