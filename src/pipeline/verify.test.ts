import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import type { Passage } from "../core/schema/document.js";
import type { Report } from "../core/schema/report.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { runCheck } from "./run.js";
import { understandText } from "./understand.js";
import { verifyReport } from "./verify.js";

const claim = understandText("Vitamin D prevents influenza.");
const passages: Passage[] = [
  {
    sourceN: 1,
    documentId: "a",
    text: "Vitamin D supplementation reduced influenza A incidence in schoolchildren.",
    start: 0,
    end: 70,
    score: 1,
  },
];
const report = (sentences: Report["summary"][number]["sentences"]): Report => ({
  summary: [{ text: "x", cites: [1], sentences }],
  missingContext: [],
  bias: [],
  relatedQuestions: ["a?", "b?", "c?", "d?", "e?"],
  disclaimer: "d",
});

describe("verify", () => {
  it("gives a verbatim quote of its cited source full support", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [1]',
          cites: [1],
          basis: "sources",
        },
      ]),
    });
    expect(out.summary[0]?.sentences?.[0]?.support).toBe(1);
    expect(out.verification?.supportedShare).toBe(1);
  });

  it("drops a sentence its source does not support and counts it", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [1]',
          cites: [1],
          basis: "sources",
        },
        {
          text: "Vitamin D cures cancer and heart disease in adults [1]",
          cites: [1],
          basis: "sources",
        },
      ]),
    });
    expect(out.summary[0]?.sentences?.map((s) => s.text)).toHaveLength(1);
    expect(out.verification).toMatchObject({
      sentences: 2,
      supported: 1,
      dropped: 1,
      supportedShare: 0.5,
    });
  });

  it("never supports a citation of a source the check did not keep", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        {
          text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [7]',
          cites: [7],
          basis: "sources",
        },
      ]),
    });
    // The only sentence of the section stays, flagged with its zero support.
    expect(out.summary[0]?.sentences?.[0]?.support).toBe(0);
    expect(out.verification).toMatchObject({ flagged: 1, supported: 0 });
  });

  it("checks sentences about the input against the input's words", () => {
    const out = verifyReport({
      claim,
      passages,
      report: report([
        { text: 'The claim says "prevents".', cites: [1], basis: "input" },
        { text: 'The claim says "always".', cites: [1], basis: "input" },
      ]),
    });
    expect(out.summary[0]?.sentences?.map((s) => s.support)).toEqual([1]);
  });
});

describe("verify: numbers, dates and names the passages do not contain", () => {
  const invented = {
    text: "Source one proved that vitamin D cut influenza by 99 % in 2025. [1]",
    cites: [1],
    basis: "sources" as const,
  };
  const quote = {
    text: 'One source states: "Vitamin D supplementation reduced influenza A incidence" [1]',
    cites: [1],
    basis: "sources" as const,
  };

  it("drops a sentence with an invented percentage and year even when its scorer calls it supported", () => {
    const out = verifyReport(
      { claim, passages, report: report([quote, invented]) },
      { score: () => 1, verifier: "model:x/verify@2" },
    );
    expect(out.summary[0]?.sentences?.map((s) => s.text)).toEqual([quote.text]);
    expect(out.verification).toMatchObject({ sentences: 2, supported: 1, dropped: 1 });
    expect(out.verification?.unsupportedFacts).toEqual([
      { section: "summary", text: invented.text, missing: ["99 %", "2025"], outcome: "dropped" },
    ]);
  });

  it("removes only a last clause after a semicolon when that clause holds every invented fact", () => {
    const sentence = {
      text: "Vitamin D supplementation reduced influenza A incidence in schoolchildren; the effect was 99 % in 2025. [1]",
      cites: [1],
      basis: "sources" as const,
    };
    const out = verifyReport({ claim, passages, report: report([sentence]) });
    expect(out.summary[0]?.sentences?.map((s) => s.text)).toEqual([
      "Vitamin D supplementation reduced influenza A incidence in schoolchildren. [1]",
    ]);
    expect(out.verification?.unsupportedFacts?.[0]).toMatchObject({
      missing: ["99 %", "2025"],
      outcome: "trimmed",
    });
  });

  it("never keeps a sentence with invented facts as a section's last, flagged sentence", () => {
    const weak = {
      text: "Vitamin D matters for everyone. [1]",
      cites: [1],
      basis: "sources" as const,
    };
    const out = verifyReport({ claim, passages, report: report([invented, weak]) });
    expect(out.summary[0]?.sentences?.map((s) => s.text)).toEqual([weak.text]);
    expect(out.verification).toMatchObject({ flagged: 1, dropped: 1 });
    const alone = verifyReport({ claim, passages, report: report([invented]) });
    expect(alone.summary).toEqual([]);
  });

  it("checks names in English reports only, numbers in every language", () => {
    const named = {
      text: "Une étude de Pfizer a trouvé 40 % de cas en moins. [1]",
      cites: [1],
      basis: "sources" as const,
    };
    const french = { ...understandText("La vitamine D prévient la grippe."), language: "fr" };
    const out = verifyReport({ claim: french, passages, report: report([named]) });
    expect(out.verification?.unsupportedFacts?.[0]?.missing).toEqual(["40 %"]);
  });

  // The offline writer quotes its sources and fills templates: nothing in it is invented. Claims
  // from the Check-COVID train split, chosen for their numbers, dates and names.
  it("finds nothing invented in the offline writer's reports over the shipped corpus", async () => {
    const store = openSqliteStore(":memory:");
    const lines = readFileSync(
      new URL("../../corpus/check-covid/abstracts.jsonl", import.meta.url),
      "utf8",
    );
    await store.corpus.upsertDocuments(
      lines
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; title: string; text: string })
        .map(({ id, title, text }) => ({ id, title, text })),
    );
    const deps = offlineCheckDependencies(store.corpus);
    let sentences = 0;
    for (const input of [
      "Talking can propel thousands of droplets that remain suspended in the air for 8 to 14 hours.",
      "Experiments in mice hint that injecting interferons may fail to help against Covid-19.",
      "Findings indicate a link between vitamin D concentration and the risk of COVID-19 infection.",
      "The face shield reduced aerosol inhalation by 100 percent.",
      "The SARS-CoV-2 virus particles found in infected patients' stools were not infectious.",
      "Roughly 1.7 billion people, 22 percent of the global population, are at high risk of severe COVID-19.",
      "China's Jan. 23 ban on travel in and out of Wuhan slowed domestic spread by only three to five days.",
      "A research team found 69 drugs that target the same proteins in our cells as the novel coronavirus.",
    ]) {
      const { version } = await runCheck(input, deps);
      sentences += version.report.verification?.sentences ?? 0;
      expect(version.report.verification?.unsupportedFacts, input).toBeUndefined();
    }
    expect(sentences).toBeGreaterThan(40);
    await store.close();
  }, 30_000);
});
