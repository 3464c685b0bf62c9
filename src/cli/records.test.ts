// Stored checks from the command line, in process with a controllable clock: check → show →
// feedback → refresh with a diff → export, history, and every bad input the issue lists.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runCaptured } from "./captured-io.js";

const CORPUS = resolve(import.meta.dirname, "../../test/fixtures/check/corpus.jsonl");
const CLAIM = "Face masks reduce the transmission of respiratory viruses.";
const DAY = 86_400_000;
const T0 = Date.parse("2026-05-01T10:00:00Z");

let dir: string;
let db: string;
let id: string;
let clock = T0;

function cli(args: string[], env: Record<string, string> = {}) {
  return runCaptured(args, { cwd: dir, env, now: () => new Date(clock) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-records-"));
  db = join(dir, "records.db");
  expect((await cli(["ingest", CORPUS, "--db", db])).code).toBe(0);
  const first = await cli(["check", CLAIM, "--db", db, "--json"]);
  expect(first.code).toBe(0);
  id = (JSON.parse(first.stdout) as { check: { id: string } }).check.id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check, show and history", () => {
  it("shows a fresh stored check instead of running it again, and says so", async () => {
    clock = T0 + 2 * DAY;
    const again = await cli(["check", `  ${CLAIM}`, "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("Showing the stored check from May 1, 2026 (version 1)");
    expect(again.stderr).toContain("Run with --fresh to check again.");
    expect(again.stdout).toContain("Checked on May 1, 2026");
    expect(again.stdout).not.toContain("may be outdated");
    expect(again.stdout).toContain(`Check ${id} · version 1 of 1`);
  });

  it("prints the outdated notice in the fact-check page's (docs/how-a-check-works.md) place once the window has passed", async () => {
    clock = T0 + 31 * DAY;
    const shown = await cli(["show", id, "--db", db]);
    expect(shown.code).toBe(0);
    const order = [
      "Found ",
      "This fact-check may be outdated. Consider refreshing it to get the most current information.",
      `Refresh it: factually refresh ${id}`,
      "Was this fact-check helpful? no ratings yet",
      "1. Summary of the results",
    ];
    const positions = order.map((s) => shown.stdout.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A longer window in the environment makes the same version fresh again.
    const env = { FACTUALLY_FRESHNESS_DAYS: "60" };
    expect((await cli(["show", id, "--db", db], env)).stdout).not.toContain("may be outdated");
    const markdown = await cli(["show", id, "--db", db, "--markdown"]);
    expect(markdown.stdout).toContain("> This fact-check may be outdated.");
    clock = T0;
  });

  it("lists checks in history with verdict, date, stale flag and tally, as text and JSON", async () => {
    const text = await cli(["history", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(id);
    expect(text.stdout).toMatch(/checked May 1, 2026 · version 1 · helpful: /);
    clock = T0 + 40 * DAY;
    const json = await cli(["history", "--db", db, "--json", "--limit", "5"]);
    const page = z
      .object({
        checks: z.array(
          z.object({
            check: z.object({ id: z.string(), input: z.string() }),
            latest: z.object({ n: z.number(), verdict: z.object({ label: z.string() }) }),
            stale: z.boolean(),
          }),
        ),
      })
      .parse(JSON.parse(json.stdout));
    expect(page.checks.find((c) => c.check.id === id)?.stale).toBe(true);
    clock = T0;
  });
});

describe("feedback", () => {
  it("stores ratings per version with comments as plain text, and show prints the tally", async () => {
    const yes = await cli([
      "feedback",
      id,
      "--helpful",
      "yes",
      "--comment",
      "Clear\u001b[31m and <b>cited</b>",
      "--db",
      db,
    ]);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('recorded "helpful" for version 1');
    const no = await cli(["feedback", id, "--helpful", "no", "--db", db, "--json"]);
    const stored = JSON.parse(no.stdout) as { tally: { helpful: number; notHelpful: number } };
    expect(stored.tally).toEqual({ helpful: 1, notHelpful: 1 });
    const shown = await cli(["show", id, "--db", db, "--json"]);
    expect(JSON.parse(shown.stdout).feedback).toEqual({ helpful: 1, notHelpful: 1 });
    expect((await cli(["show", id, "--db", db])).stdout).toContain(
      "Was this fact-check helpful? 1 yes · 1 no",
    );
  });

  it("rejects --helpful maybe, a missing --helpful, a long comment and an unknown version", async () => {
    const maybe = await cli(["feedback", id, "--helpful", "maybe", "--db", db]);
    expect(maybe.code).toBe(2);
    expect(maybe.stderr).toContain("Allowed choices are yes, no");
    expect((await cli(["feedback", id, "--db", db])).code).toBe(2);
    const long = await cli([
      "feedback",
      id,
      "--helpful",
      "yes",
      "--comment",
      "x".repeat(2001),
      "--db",
      db,
    ]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("the comment is 2,001 characters; the limit is 2,000");
    const version = await cli(["feedback", id, "--helpful", "yes", "--version", "9", "--db", db]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(`factually: check ${id} has no version 9; it has only version 1\n`);
  });
});

describe("refresh and versions", () => {
  it("runs version 2, prints the diff, and keeps version 1 readable", async () => {
    clock = T0 + 45 * DAY;
    const refreshed = await cli(["refresh", id, "--db", db]);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toContain(`Refreshed ${id}: version 2, checked on June 15, 2026`);
    expect(refreshed.stdout).toContain("What changed from version 1 to version 2:");
    const latest = await cli(["show", id, "--db", db]);
    expect(latest.stdout).toContain("Checked on June 15, 2026");
    expect(latest.stdout).toContain("Was this fact-check helpful? no ratings yet");
    const first = await cli(["show", id, "--version", "1", "--db", db]);
    expect(first.stdout).toContain("Checked on May 1, 2026");
    expect(first.stdout).toContain("version 1 of 2");
    const json = JSON.parse((await cli(["show", id, "--db", db, "--json"])).stdout);
    expect(json.versions.map((v: { n: number }) => v.n)).toEqual([1, 2]);
    clock = T0;
  });

  it("exits 2 naming the way out for unknown ids and versions out of range", async () => {
    for (const command of [["show"], ["refresh"], ["export", "--format", "json"]]) {
      const [name, ...rest] = command as [string, ...string[]];
      const run = await cli([name, "no-such-check-1234abcd", ...rest, "--db", db]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "factually: no check no-such-check-1234abcd; try `factually history`\n",
      );
    }
    const odd = await cli(["show", "\u001b[2J<x>", "--db", db]);
    expect(odd.stderr).not.toContain("\u001b");
    const range = await cli(["show", id, "--version", "3", "--db", db]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain(`check ${id} has no version 3; it has versions 1 to 2`);
    for (const bad of ["0", "-1", "two", "1.5"]) {
      expect((await cli(["show", id, "--version", bad, "--db", db])).code).toBe(2);
    }
  });
});

describe("export", () => {
  it("writes the record as JSON, the page as Markdown, and ClaimReview JSON-LD", async () => {
    const json = await cli(["export", id, "--format", "json", "--db", db]);
    expect(JSON.parse(json.stdout).version.checkId).toBe(id);
    const markdown = await cli(["export", id, "--format", "markdown", "--db", db]);
    expect(markdown.stdout).toMatch(/^# Face masks reduce/);
    const env = {
      FACTUALLY_BASE_URL: "https://checks.example.org/",
      FACTUALLY_PUBLISHER: "Example Desk",
    };
    const review = await cli(
      ["export", id, "--format", "claimreview", "--version", "1", "--db", db],
      env,
    );
    expect(review.code).toBe(0);
    const jsonLd = JSON.parse(review.stdout);
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: CLAIM,
      url: `https://checks.example.org/check/${id}`,
      author: { "@type": "Organization", name: "Example Desk" },
      datePublished: "2026-05-01",
    });
    const bad = await cli(["export", id, "--format", "pdf", "--db", db]);
    expect(bad.code).toBe(2);
  });

  it("exports a question without a rating and says why", async () => {
    const asked = await cli(["check", "Do face masks reduce transmission?", "--db", db, "--json"]);
    const question = JSON.parse(asked.stdout).check.id as string;
    const review = await cli(["export", question, "--format", "claimreview", "--db", db]);
    expect(review.code).toBe(0);
    expect(JSON.parse(review.stdout).reviewRating).toBeUndefined();
    expect(review.stderr).toMatch(/question/i);
  });
});

describe("claim origin", () => {
  it("keeps who said it and where, and rejects a bad URL or date", async () => {
    const said = await cli([
      "check",
      "Masks cut school absences.",
      "--said-by",
      "A. Senator",
      "--seen-at",
      "https://example.org/speech",
      "--said-on",
      "2026-04-30",
      "--db",
      db,
      "--json",
    ]);
    expect(said.code).toBe(0);
    expect(JSON.parse(said.stdout).check.origin).toEqual({
      author: "A. Senator",
      url: "https://example.org/speech",
      date: "2026-04-30",
    });
    // Given again with a reused check, the origin is added to it.
    const reused = await cli([
      "check",
      "Masks cut school absences.",
      "--said-by",
      "B. Mayor",
      "--db",
      db,
      "--json",
    ]);
    expect(reused.stderr).toContain("Showing the stored check");
    expect(JSON.parse(reused.stdout).check.origin).toEqual({
      author: "B. Mayor",
      url: "https://example.org/speech",
      date: "2026-04-30",
    });
    const badUrl = await cli([
      "check",
      "Masks work.",
      "--seen-at",
      "javascript:alert(1)",
      "--db",
      db,
    ]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain("--seen-at");
    const badDate = await cli(["check", "Masks work.", "--said-on", "yesterday", "--db", db]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--said-on");
  });
});
