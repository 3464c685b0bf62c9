import { describe, expect, it } from "vitest";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import type { SourceAssessment, Stance } from "../core/schema/source-assessment.js";
import { DEFAULT_JUDGE, judge } from "./judge.js";
import { understandText } from "./understand.js";

const claim = understandText("Vitamin D prevents influenza.");
const source = (n: number, group = `document:${n}`): Source => ({
  n,
  title: `Source ${n}`,
  fetchedAt: "2026-01-01T00:00:00.000Z",
  contentHash: "0".repeat(64),
  profile: "academic",
  independenceGroup: group,
  status: "ok",
});
const said = (sourceN: number, stance: Stance, confidence = 0.8): SourceAssessment => ({
  sourceN,
  stance,
  quote: "q",
  reason: "r",
  confidence,
});

// Every source matches the claim closely unless a test says otherwise.
const close = (n: number, score = 1): Passage => ({
  sourceN: n,
  documentId: `d${n}`,
  text: "t",
  start: 0,
  end: 1,
  score,
});
const passages = [1, 2, 3].map((n) => close(n));

describe("judge", () => {
  it("calls a claim unverified, never refuted, when nothing bears on it", () => {
    expect(judge(claim, [], [], passages).label).toBe("unverified");
    const sources = [source(1), source(2)];
    expect(judge(claim, sources, [said(1, "irrelevant"), said(2, "context")], passages).label).toBe(
      "unverified",
    );
  });

  it("refutes only when a source contradicts", () => {
    expect(judge(claim, [source(1)], [said(1, "refutes")], passages).label).toBe("refuted");
    expect(judge(claim, [source(1)], [said(1, "supports", 0.6)], passages).label).toBe("supported");
  });

  it("counts several sources of one publisher as one voice", () => {
    const oneVoice = [source(1, "publisher:x"), source(2, "publisher:x"), source(3)];
    const verdict = judge(
      claim,
      oneVoice,
      [said(1, "supports"), said(2, "supports"), said(3, "refutes")],
      passages,
    );
    expect(verdict.label).toBe("mixed");
    const independent = [source(1), source(2), source(3)];
    const stronger = judge(
      claim,
      independent,
      [said(1, "supports"), said(2, "supports"), said(3, "refutes")],
      passages,
    );
    expect(stronger.label).toBe("mostly-supported");
  });

  // Relevance weighting is a setting: tuning turned it off for stance-gbdt-3 (the two-step
  // assessor already asks whether a passage is evidence), but it must work when switched on.
  const byRelevance = { ...DEFAULT_JUDGE, relevancePower: 2 };

  it("with relevance weighting, lets a close match outweigh a loose one", () => {
    const sources = [source(1), source(2)];
    const assessments = [said(1, "supports"), said(2, "refutes")];
    const weighed = (passages: Passage[]) =>
      judge(claim, sources, assessments, passages, byRelevance).label;
    expect(weighed([close(1, 1), close(2, 0.5)])).toBe("mostly-supported");
    expect(weighed([close(1, 0.5), close(2, 1)])).toBe("refuted");
  });

  it("with relevance weighting, leaves a claim unverified when only loose matches take a side", () => {
    expect(
      judge(claim, [source(1)], [said(1, "supports")], [close(1, 0.2)], byRelevance).label,
    ).toBe("unverified");
  });

  it("by default, leaves a claim unverified only when too little evidence takes a side", () => {
    expect(judge(claim, [source(1)], [said(1, "supports")], [close(1, 0.2)]).label).toBe(
      "supported",
    );
    expect(
      judge(claim, [source(1)], [said(1, "supports", DEFAULT_JUDGE.minWeight / 2)], [close(1, 1)])
        .label,
    ).toBe("unverified");
  });

  it("calls divided evidence on an absolute claim misleading", () => {
    const absolute = understandText("Vitamin D always prevents influenza.");
    const sources = [source(1), source(2)];
    expect(
      judge(absolute, sources, [said(1, "supports"), said(2, "refutes")], passages).label,
    ).toBe("misleading");
  });

  it("gives a retracted source no weight", () => {
    const retracted = { ...source(2), retracted: { evidence: 'its title begins "RETRACTED"' } };
    const verdict = judge(
      claim,
      [source(1), retracted],
      [said(1, "refutes"), said(2, "supports", 0.95)],
      passages,
    );
    expect(verdict.label).toBe("refuted");
    expect(verdict.balance?.retracted).toEqual([2]);
    expect(verdict.rationale).toBe(
      "One source contradicts the claim and none supports it. One retracted source was not weighed.",
    );
  });

  it("grades questions by how many independent sources document them", () => {
    const question = understandText("How is influenza treated?");
    const answers = [1, 2, 3].map((n) => ({
      ...close(n),
      text: "Influenza is treated with antivirals such as oseltamivir, which shorten illness.",
    }));
    expect(judge(question, [], [], answers).label).toBe("undocumented");
    expect(judge(question, [source(1)], [said(1, "context")], answers).label).toBe(
      "partly-documented",
    );
    expect(
      judge(question, [source(1), source(2)], [said(1, "context"), said(2, "supports")], answers)
        .label,
    ).toBe("documented");
  });

  it("does not call a question documented when no source gives the kind of answer it asks for", () => {
    const question = understandText("How long does immunity last after COVID-19 infection?");
    const topical = [1, 2, 3].map((n) => ({
      ...close(n),
      text: "Immunity after infection is an important topic for public health.",
    }));
    const sources = [source(1), source(2), source(3)];
    const assessments = [said(1, "context"), said(2, "context"), said(3, "context")];
    expect(judge(question, sources, assessments, topical).label).toBe("partly-documented");
    const answer = [
      ...topical.slice(1),
      {
        ...close(1),
        text: "IgG antibodies were maintained for at least 3 months after infection.",
      },
    ];
    expect(judge(question, sources, assessments, answer).label).toBe("documented");
  });

  it("gives a yes/no question the verdict of the statement it asks about", () => {
    const question = understandText("Does vitamin D prevent influenza?");
    const verdict = judge(question, [source(1)], [said(1, "supports", 0.9)], passages);
    expect(verdict.statement).toMatchObject({
      text: "Vitamin D prevents influenza.",
      label: "supported",
    });
  });
});
