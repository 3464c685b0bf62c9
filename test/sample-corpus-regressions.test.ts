// The failures a new user met on the sample corpus (issue 14), each kept as a test of the whole
// offline check with the committed stance model: the claim, the verdict it must not get, and the
// sentence it must not quote as evidence.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../src/assemble/offline-check.js";
import type { Stores } from "../src/core/interfaces/stores.js";
import type { CheckVersion } from "../src/core/schema/check.js";
import { runCheck } from "../src/pipeline/run.js";
import { openSqliteStore } from "../src/store/sqlite/open.js";

let store: Stores;

beforeAll(async () => {
  store = openSqliteStore(":memory:");
  const lines = readFileSync(
    new URL("../corpus/check-covid/abstracts.jsonl", import.meta.url),
    "utf8",
  );
  await store.corpus.upsertDocuments(
    lines
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            title: string;
            text: string;
            metadata?: Record<string, unknown>;
          },
      )
      .map(({ id, title, text, metadata }) => ({
        id,
        title,
        text,
        ...(metadata ? { metadata } : {}),
      })),
  );
});

afterAll(async () => {
  await store.close();
});

async function check(input: string): Promise<CheckVersion> {
  const { version } = await runCheck(input, offlineCheckDependencies(store.corpus), {
    now: () => new Date("2026-12-07T12:00:00Z"),
  });
  return version;
}

/** The passages an assessment of `stance` rests on, with the titles of their sources. */
function quotedAs(version: CheckVersion, stance: "supports" | "refutes") {
  return version.assessments
    .filter((a) => a.stance === stance || a.stance === "mixed")
    .map((a) => ({
      quote: a.quote,
      title: version.sources.find((s) => s.n === a.sourceN)?.title ?? "",
    }));
}

describe("the offline check on the sample corpus", () => {
  it("never quotes a negative finding as support for a false health claim (hydroxychloroquine)", async () => {
    const version = await check("Hydroxychloroquine cures COVID-19 in most patients.");
    expect(["supported", "mostly-supported"]).not.toContain(version.verdict.label);
    for (const { quote } of quotedAs(version, "supports")) {
      expect(quote).not.toMatch(/do not support its use/);
    }
    const summary = version.report.summary.map((p) => p.text).join(" ");
    expect(summary).not.toMatch(
      /In support, one source states: "However, the results of this study do not support/,
    );
  });

  it("does not let a vitamin D study decide a claim about vitamin C", async () => {
    const version = await check("Vitamin C cures COVID-19.");
    expect(version.verdict.label).not.toBe("refuted");
    for (const stance of ["supports", "refutes"] as const) {
      for (const { quote, title } of quotedAs(version, stance)) {
        expect(`${title} ${quote}`).toMatch(/vitamin c|ascorb/i);
      }
    }
  });

  it("weighs a remdesivir claim on remdesivir, not on hydroxychloroquine or interferon trials", async () => {
    const version = await check("Remdesivir shortens the time to recovery.");
    for (const stance of ["supports", "refutes"] as const) {
      for (const { quote, title } of quotedAs(version, stance)) {
        expect(`${title} ${quote}`).toMatch(/remdesivir/i);
      }
    }
  });

  it("argues a convalescent plasma claim with plasma studies, not BCG or colchicine", async () => {
    const version = await check("Convalescent plasma reduces mortality.");
    for (const stance of ["supports", "refutes"] as const) {
      for (const { quote, title } of quotedAs(version, stance)) {
        expect(`${title} ${quote}`).not.toMatch(/\bBCG\b|colchicine/i);
        expect(`${title} ${quote}`).toMatch(/plasma|convalescent/i);
      }
    }
  });

  it("never quotes a background, objective, methods or aim sentence as evidence", async () => {
    for (const input of [
      "Face masks reduce the spread of COVID-19.",
      "Hydroxychloroquine cures COVID-19 in most patients.",
      "Remdesivir shortens the time to recovery.",
    ]) {
      const version = await check(input);
      for (const stance of ["supports", "refutes"] as const) {
        for (const { quote } of quotedAs(version, stance)) {
          expect(quote, input).not.toMatch(
            /^(BACKGROUND|OBJECTIVES?|METHODS?|DESIGN|SETTING|FUNDING|IMPORTANCE|INTRODUCTION)\b/,
          );
          expect(quote, input).not.toMatch(/^(We aimed|This study aims|The aim of this study)/i);
        }
      }
    }
  });

  it("gives a yes/no question the verdict of the statement it asks about", async () => {
    const version = await check("Do face masks reduce the spread of COVID-19?");
    expect(version.claim.statement).toBe("Face masks reduce the spread of COVID-19.");
    expect(version.verdict.statement?.text).toBe("Face masks reduce the spread of COVID-19.");
  });

  it("does not call a question documented on topic alone (how long immunity lasts)", async () => {
    const version = await check("How long does immunity last after COVID-19 infection?");
    expect(version.claim.keyTerms).not.toContain("long");
    if (version.verdict.label === "documented") {
      const answering = version.passages.filter((p) =>
        /\b\d+\s*(days?|weeks?|months?|years?)\b|\b(wane|waning|persist|maintained|durable|lasting)/i.test(
          p.text,
        ),
      );
      expect(answering.length).toBeGreaterThan(0);
    }
  });
});
