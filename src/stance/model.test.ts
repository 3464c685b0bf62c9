import { describe, expect, it } from "vitest";
import { idfOf } from "./idf.js";
import { STANCE_LABELS } from "./labels.js";
import { loadStanceModel } from "./model.js";
import { FEATURE_PIPELINE, pairFeatures } from "./pair-features.js";
import { memoizedAnalyzer } from "./text-analysis.js";

describe("the committed stance model", () => {
  const model = loadStanceModel();

  it("was trained with the feature pipeline the code computes now", () => {
    // A change to any feature (a word list, the tokenizer, the sentence splitter) must come with
    // retrained weights: `npm run train:stance`, then `npm run tune:verdict`.
    expect(model.weights.featurePipeline).toBe(FEATURE_PIPELINE);
    const idf = idfOf(model.weights.idf);
    const analysed = memoizedAnalyzer(idf);
    const probes = model.weights.probes ?? [];
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) {
      const now = pairFeatures(probe as Parameters<typeof pairFeatures>[0], analysed, idf);
      expect(
        now.map((x) => Number(x.toPrecision(9))),
        probe.text,
      ).toEqual(probe.features);
    }
  });

  it("names its version and the data it was trained on", () => {
    expect(model.id).toMatch(/^stance-gbdt-/);
    expect(model.weights.training.data.map((d) => d.name)).toContain("FNC-1 train");
  });

  it("returns four probabilities that sum to 1", () => {
    const p = model.predict(
      "Face masks reduce the spread of COVID-19.",
      "A randomised trial found that face masks reduced transmission of SARS-CoV-2.",
    );
    expect(Object.keys(p)).toEqual([...STANCE_LABELS]);
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    for (const v of Object.values(p)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it("calls a text on another topic unrelated", () => {
    const p = model.predict(
      "Face masks reduce the spread of COVID-19.",
      "The striker scored twice in the cup final.",
    );
    expect(p.unrelated).toBeGreaterThan(0.5);
  });

  it.each([
    [
      "Face masks reduce the spread of COVID-19.",
      "Face masks did not reduce the spread of COVID-19.",
    ],
    [
      "Smoking increases the risk of lung cancer.",
      "Smoking does not increase the risk of lung cancer.",
    ],
    [
      "Face masks reduce the spread of COVID-19.",
      "A randomised trial found that face masks did not reduce transmission of COVID-19.",
    ],
  ])("reads a negated sentence as disagreeing: %s / %s", (claim, text) => {
    const p = model.predict(claim, text);
    expect(p.disagree).toBeGreaterThan(p.agree);
  });

  it("still reads the same sentence without the negation as agreeing", () => {
    const p = model.predict(
      "Face masks reduce the spread of COVID-19.",
      "Face masks reduced the spread of COVID-19.",
    );
    expect(p.agree).toBeGreaterThan(p.disagree);
  });

  it("predicts many pairs as it predicts each one", () => {
    const pairs = [
      { claim: "A meteorite hit Managua.", text: "A meteorite crashed in Managua on Sunday." },
      { claim: "A meteorite hit Managua.", text: "Reports of a meteorite in Managua are a hoax." },
    ];
    expect(model.predictMany(pairs)).toEqual(pairs.map((p) => model.predict(p.claim, p.text)));
  });

  it("fails with a clear error for a file that is not a weights file", () => {
    expect(() => loadStanceModel(new URL("../../package.json", import.meta.url))).toThrow(
      /not a stance weights file/,
    );
  });
});
