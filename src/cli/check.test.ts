// `factually check` end to end, in process, on a small corpus with the committed stance model.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "./captured-io.js";

const CORPUS = resolve(import.meta.dirname, "../../test/fixtures/check/corpus.jsonl");

let dir: string;
let db: string;

function cli(args: string[]) {
  return runCaptured(args, { cwd: dir });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-check-"));
  db = join(dir, "corpus.db");
  expect((await cli(["ingest", CORPUS, "--db", db])).code).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("factually check", () => {
  it("prints the report in the fact-check page's (docs/how-a-check-works.md) order and wording", async () => {
    const run = await cli([
      "check",
      "Face masks reduce the transmission of respiratory viruses.",
      "--db",
      db,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const order = [
      "Face masks reduce the transmission of respiratory viruses.",
      "Checked on ",
      "Disclaimer: Factually can make mistakes. Please verify important information or breaking news.",
      "Searched for:",
      "Found 3 sources",
      "Was this fact-check helpful? no ratings yet",
      "1. Summary of the results",
      "2. Missing context/alternative viewpoints",
      "3. Potential misinformation/bias in the original statement",
      "Sources",
      "Want to dive deeper?",
    ];
    const positions = order.map((s) => run.stdout.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(run.stdout).toMatch(/\[1\]/);
    // The press release is recognised as one, and said to be one in section 3.
    expect(run.stdout).toMatch(/institutional press release/);
  });

  it("prints JSON with the names of the data model", async () => {
    const run = await cli([
      "check",
      "Face masks reduce the transmission of respiratory viruses.",
      "--db",
      db,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const { check, version } = JSON.parse(run.stdout);
    expect(check.id).toMatch(/^face-masks-reduce-transmission/);
    expect(version.plan.queries.map((q: { intent: string }) => q.intent)).toEqual([
      "neutral",
      "supporting",
      "critical",
    ]);
    expect(version.sources).toHaveLength(3);
    expect(version.assessments).toHaveLength(3);
    expect(version.verdict.label).toMatch(/supported|mixed|refuted|misleading|unverified/);
    expect(version.report.relatedQuestions).toHaveLength(5);
    for (const section of ["summary", "missingContext", "bias"]) {
      for (const paragraph of version.report[section]) {
        expect(paragraph.cites.length).toBeGreaterThan(0);
        expect(typeof paragraph.support).toBe("number");
        for (const sentence of paragraph.sentences) {
          expect(sentence.cites.length).toBeGreaterThan(0);
          expect(sentence.support).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(version.report.verification.sentences).toBeGreaterThan(0);
  });

  it("prints Markdown with escaped source text and linked citations", async () => {
    const run = await cli([
      "check",
      "Face masks reduce the transmission of respiratory viruses.",
      "--db",
      db,
      "--markdown",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Face masks reduce/);
    expect(run.stdout).toMatch(/## 1\. Summary of the results/);
    expect(run.stdout).toMatch(/\[\[1\]\]\(#source-1\)/);
  });

  it("reports an unverified claim, not an error, when nothing matches", async () => {
    const run = await cli(["check", "Quantum tunnelling powers migratory birds.", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Found 0 sources/);
    expect(run.stdout).toMatch(/Verdict: Unverified/);
    expect(run.stdout).toMatch(/No source in the corpus bears on this claim/);
  });

  it("refuses empty, over-long and word-less input with exit 2", async () => {
    for (const text of ["", "   ", "x".repeat(2001), "?!…", "🤔🔥"]) {
      const run = await cli(["check", text, "--db", db]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^factually: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("says an empty corpus is empty and how to fill it", async () => {
    const empty = join(dir, "empty.db");
    mkdirSync(join(dir, "no-documents"));
    await cli(["ingest", join(dir, "no-documents"), "--db", empty]);
    const run = await cli(["check", "Masks work.", "--db", empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /is empty, so there is nothing to check against; add documents with: factually ingest/,
    );
  });

  it("rejects a bad --limit-sources", async () => {
    expect((await cli(["check", "Masks work.", "--db", db, "--limit-sources", "0"])).code).toBe(2);
  });
});
