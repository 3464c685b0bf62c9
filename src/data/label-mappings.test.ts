import { describe, expect, it } from "vitest";
import { Stance } from "../core/schema/source-assessment.js";
import { VerdictLabel } from "../core/schema/verdict.js";
import {
  AVERITEC_SCHEME,
  CLIMATE_FEVER_3WAY_SCHEME,
  CLIMATE_FEVER_SCHEME,
  HEALTHVER_SCHEME,
  LIAR_SCHEME,
  SCIFACT_SCHEME,
  WICE_SCHEME,
} from "./label-mappings.js";
import { LIAR_COLLAPSE } from "./liar-plus-data.js";

const VERDICTS = VerdictLabel.options.flatMap((o) => o.options);

describe("verdict mappings", () => {
  it.each([
    ["SciFact", SCIFACT_SCHEME],
    ["LIAR-PLUS", LIAR_SCHEME],
    ["AVeriTeC", AVERITEC_SCHEME],
    ["Climate-FEVER", CLIMATE_FEVER_SCHEME],
    ["Climate-FEVER 3-way", CLIMATE_FEVER_3WAY_SCHEME],
  ] as const)("%s maps every verdict, questions' included, onto one of its labels", (_, scheme) => {
    for (const v of VERDICTS) expect(scheme.labels).toContain(scheme.fromVerdict[v]);
  });

  it("LIAR-PLUS: supported → true, refuted → false, divided or unsettled → mixed", () => {
    const m = LIAR_SCHEME.fromVerdict;
    expect([m.supported, m["mostly-supported"]]).toEqual(["true", "true"]);
    expect(m.refuted).toBe("false");
    expect([m.mixed, m.misleading, m.unverified]).toEqual(["mixed", "mixed", "mixed"]);
  });

  it("LIAR-PLUS collapses PolitiFact's six ratings to three", () => {
    expect(LIAR_COLLAPSE).toEqual({
      true: "true",
      "mostly-true": "true",
      "half-true": "mixed",
      "barely-true": "false",
      false: "false",
      "pants-fire": "false",
    });
  });

  it("AVeriTeC: divided evidence is Conflicting, unverified is Not Enough Evidence", () => {
    const m = AVERITEC_SCHEME.fromVerdict;
    expect(m["mostly-supported"]).toBe("Supported");
    expect(m.refuted).toBe("Refuted");
    expect(m.mixed).toBe("Conflicting Evidence/Cherrypicking");
    expect(m.misleading).toBe("Conflicting Evidence/Cherrypicking");
    expect(m.unverified).toBe("Not Enough Evidence");
  });

  it("Climate-FEVER: divided evidence is DISPUTED in four labels and as SciFact's in three", () => {
    expect(CLIMATE_FEVER_SCHEME.fromVerdict.mixed).toBe("DISPUTED");
    expect(CLIMATE_FEVER_SCHEME.fromVerdict.unverified).toBe("NOT_ENOUGH_INFO");
    expect(CLIMATE_FEVER_3WAY_SCHEME.fromVerdict.misleading).toBe("REFUTES");
    expect(CLIMATE_FEVER_3WAY_SCHEME.fromVerdict.mixed).toBe("NOT_ENOUGH_INFO");
    expect(CLIMATE_FEVER_3WAY_SCHEME.labels).not.toContain("DISPUTED");
  });
});

describe("stance mappings", () => {
  it("HealthVer: only supports and refutes take a side; everything else is Neutral", () => {
    expect(Stance.options.map((s) => HEALTHVER_SCHEME.fromStance[s])).toEqual([
      "Supports",
      "Refutes",
      "Neutral",
      "Neutral",
      "Neutral",
    ]);
  });

  it("WiCE: supports → supported, mixed → partially supported, the rest → not supported", () => {
    expect(Stance.options.map((s) => WICE_SCHEME.fromStance[s])).toEqual([
      "supported",
      "not_supported",
      "partially_supported",
      "not_supported",
      "not_supported",
    ]);
  });
});
