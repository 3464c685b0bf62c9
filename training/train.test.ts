import { describe, expect, it } from "vitest";
import { readFnc1Split } from "../dist/data/fnc1-data.js";
import { createStanceModel } from "../dist/stance/model.js";
import { serializeWeights } from "../dist/stance/weights.js";
import type { LabelledPair } from "./science-data.ts";
import { selectAndTrain } from "./train-selection.ts";

const FIXTURE = new URL("../test/fixtures/stance/fnc1", import.meta.url).pathname;

function fixtureSet() {
  const pairs = readFnc1Split(FIXTURE, "train").map(
    (p): LabelledPair => ({
      claim: p.headline,
      text: p.body,
      label: p.stance,
      group: p.bodyId,
      source: "fnc1",
    }),
  );
  return {
    pairs,
    data: [{ name: "fixture", files: ["train_stances.csv"], pairs: pairs.length, licence: "test" }],
  };
}

const params = { rounds: 8, maxDepth: 2, minHessian: 0.01, subsample: 0.9 };

describe("stance training", () => {
  it("writes byte-identical weights when run twice on the same data", () => {
    const a = serializeWeights(
      selectAndTrain(fixtureSet(), { params, checkpoint: 2, heldOutShare: 0.3 }),
    );
    const b = serializeWeights(
      selectAndTrain(fixtureSet(), { params, checkpoint: 2, heldOutShare: 0.3 }),
    );
    expect(a).toBe(b);
    expect(JSON.parse(a).trees.length).toBeGreaterThan(0);
  });

  it("learns the fixture well enough to tell a related body from an unrelated one", () => {
    const model = createStanceModel(
      selectAndTrain(fixtureSet(), { params: { ...params, rounds: 30 }, heldOutShare: 0 }),
    );
    const related = model.predict(
      "Meteorite crashes in Managua",
      "A meteorite crashed in Managua, Nicaragua.",
    );
    const unrelated = model.predict(
      "Meteorite crashes in Managua",
      "The council voted to build a bridge.",
    );
    expect(related.unrelated).toBeLessThan(unrelated.unrelated);
  });
});
