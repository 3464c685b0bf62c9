import { describe, expect, it } from "vitest";
import { NOTICE_WINDOW, retractionOf } from "./retraction.js";

const abstract =
  "BACKGROUND: Hydroxychloroquine or chloroquine are being widely used for treatment of COVID-19. " +
  "METHODS: We did a multinational registry analysis.";

describe("retractionOf", () => {
  it("recognises the title prefixes publishers use", () => {
    for (const [title, word] of [
      // From the sample corpus (cord:pscfmt4l, The Lancet, 2020).
      [
        "RETRACTED: Hydroxychloroquine or chloroquine with or without a macrolide for treatment of COVID-19: a multinational registry analysis",
        "RETRACTED",
      ],
      ["Retraction: Vitamin D and influenza", "Retraction"],
      ["Retraction notice to “Masks and influenza” [Journal 12 (2020) 1–9]", "Retraction notice"],
      ["Notice of Retraction: A study of masks", "Notice of Retraction"],
      ["WITHDRAWN: Ivermectin in COVID-19", "WITHDRAWN"],
      ["[Retracted] Ivermectin in COVID-19", "Retracted"],
    ] as const) {
      expect(retractionOf({ title, text: abstract }), title).toEqual({
        evidence: `its title begins "${word}"`,
      });
    }
  });

  it("does not mistake the word's other senses or a study of retractions for a notice", () => {
    for (const title of [
      "Retraction of maxillary incisors with mini-implants",
      "Alcohol withdrawal: a clinical review",
      "Gingival retraction techniques compared",
      "Why papers are retracted: an analysis of 2,000 notices",
    ]) {
      expect(retractionOf({ title, text: abstract }), title).toBeUndefined();
    }
    const study =
      "We analysed 200 retraction notices published between 2010 and 2020 and found that most " +
      "cited misconduct; the article has been cited 40 times.";
    expect(retractionOf({ title: "Retractions in biomedicine", text: study })).toBeUndefined();
  });

  it("finds a notice printed at the start or the end of the text", () => {
    const notice = "This article has been retracted at the request of the authors and the editor.";
    expect(retractionOf({ title: "Masks and influenza", text: `${notice} ${abstract}` })).toEqual({
      evidence: 'its text says "This article has been retracted"',
    });
    const long = `${abstract} ${"Results follow. ".repeat(80)}`;
    expect(
      retractionOf({ title: "Masks", text: `${long} Retraction notice: see the editor's note.` }),
    ).toEqual({ evidence: 'its text says "Retraction notice:"' });
  });

  it("reads only the ends of a long text, where a notice is printed", () => {
    const middle = `${"Background. ".repeat(NOTICE_WINDOW / 4)} This paper has been withdrawn. ${"Results. ".repeat(NOTICE_WINDOW / 4)}`;
    expect(retractionOf({ title: "A trial", text: middle })).toBeUndefined();
  });

  it("reads Crossref-style metadata and an explicit flag", () => {
    expect(
      retractionOf({
        title: "A trial",
        text: abstract,
        metadata: { "updated-by": [{ type: "retraction", DOI: "10.1/x" }] },
      }),
    ).toEqual({ evidence: "its metadata records a retraction (updated-by)" });
    expect(
      retractionOf({ title: "A trial", text: abstract, metadata: { retracted: true } }),
    ).toEqual({ evidence: "its metadata marks it retracted" });
    expect(
      retractionOf({ title: "A trial", text: abstract, metadata: { retracted: false } }),
    ).toBeUndefined();
    expect(
      retractionOf({
        title: "A trial",
        text: abstract,
        metadata: { "updated-by": [{ type: "correction" }] },
      }),
    ).toBeUndefined();
  });
});
