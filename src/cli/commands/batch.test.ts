// `factually batch` end to end, in process: real SQLite and real offline checks on a small corpus.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchResultLine } from "../../batch/result-line.js";
import { loadConfig } from "../../config/config.js";
import { isFactuallyError } from "../../core/errors.js";
import { openSqliteStore } from "../../store/sqlite/open.js";
import { captureIo, runCaptured } from "../captured-io.js";
import type { CliIo } from "../io.js";
import { type BatchCommandOptions, batchCommand } from "./batch.js";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/batch");
const CORPUS = resolve(import.meta.dirname, "../../../test/fixtures/check/corpus.jsonl");

let dir: string;
let db: string;
let dbCount = 0;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command and maps its errors to exit codes the way runCli does. */
/** The configuration `factually batch --db <db>` runs with in `dir`. */
function configFor(db: string) {
  return loadConfig({ cwd: dir, env: {}, flags: { db } });
}

async function batch(
  file: string,
  { db: dbFile, ...options }: Partial<BatchCommandOptions> & { db?: string } = {},
  onStdout?: (s: string) => void,
): Promise<Run> {
  const { io, output: run } = captureIo({ cwd: dir, ...(onStdout ? { onStdout } : {}) });
  const all = { config: configFor(dbFile ?? db), concurrency: 3, fresh: false, ...options };
  try {
    return { code: await batchCommand(file, all, io), ...run };
  } catch (error) {
    if (!isFactuallyError(error)) throw error;
    return { code: error.isUserError ? 2 : 1, ...run, stderr: `${run.stderr}${error.message}\n` };
  }
}

/** A new database holding the fixture corpus and no checks. */
async function freshDb(): Promise<string> {
  const file = join(dir, `corpus-${++dbCount}.db`);
  expect((await runCaptured(["ingest", CORPUS, "--db", file], { cwd: dir })).code).toBe(0);
  return file;
}

function linesOf(text: string): BatchResultLine[] {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as BatchResultLine);
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factually-batch-"));
  db = await freshDb();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("factually batch", () => {
  it("checks every CSV row and writes one line per row in input order", async () => {
    const out = join(dir, "csv.jsonl");
    const run = await batch(join(FIXTURES, "claims.csv"), { out, db: await freshDb() });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const lines = linesOf(readFileSync(out, "utf8"));
    expect(lines.map((l) => [l.row, l.line, l.status])).toEqual([
      [1, 2, "ok"],
      [2, 3, "ok"],
      [3, 4, "ok"],
      [4, 5, "ok"],
      [5, 7, "ok"],
    ]);
    expect(lines[3]?.input).toBe('A quoted claim about "face masks"\nthat runs over two lines.');
    const first = lines[0] as BatchResultLine;
    expect(first).toMatchObject({
      input: "Face masks reduce the transmission of respiratory viruses.",
      id: expect.stringMatching(/^face-masks-reduce-transmission/),
      version: 1,
      outcome: "first",
      verdict: { label: expect.any(String), confidence: expect.any(Number) },
      summary: expect.any(String),
    });
    expect(first.sources?.length).toBeGreaterThan(0);
    expect(first.sources?.[0]).toMatchObject({ n: 1, title: expect.any(String) });
    expect(lines[4]?.verdict?.label).toBe("unverified");
    expect(run.stderr).toBe(
      "5 rows: 5 checked (0 reused), 0 bad, 0 failed; results in csv.jsonl\n",
    );
  });

  it("keeps the author, url and date columns as the check's origin", async () => {
    const file = await freshDb();
    await batch(join(FIXTURES, "claims.csv"), { out: join(dir, "origin.jsonl"), db: file });
    const id = linesOf(readFileSync(join(dir, "origin.jsonl"), "utf8"))[0]?.id as string;
    const store = openSqliteStore(file);
    try {
      expect((await store.checks.getCheck(id))?.check.origin).toEqual({
        author: "Jane Doe",
        url: "https://example.com/post/1",
        date: "2020-06-05",
      });
    } finally {
      await store.close();
    }
  });

  it("reads JSON Lines keys in any case, with claim winning over text", async () => {
    const run = await batch(join(FIXTURES, "claims.jsonl"));
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines.map((l) => [l.row, l.line, l.status, l.input])).toEqual([
      [1, 1, "ok", "Face masks reduce the transmission of respiratory viruses."],
      [2, 2, "ok", "Masks did not reduce transmission in schools, a trial found."],
      [3, 3, "ok", "Heavy rain is expected across the region on Tuesday."],
      [4, 5, "ok", "Quantum tunnelling powers migratory birds."],
    ]);
    expect(run.stderr).toMatch(/; results on stdout\n$/);
  });

  it("reads a text column when there is no claim column", async () => {
    const file = write("text-column.csv", "id,TEXT\n1,Face masks reduce transmission.\n");
    const run = await batch(file);
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout)[0]).toMatchObject({
      input: "Face masks reduce transmission.",
      status: "ok",
    });
  });

  it("refuses a file without a claim or text column before checking anything", async () => {
    const out = join(dir, "never.jsonl");
    const run = await batch(join(FIXTURES, "no-text-column.csv"), { out });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-text-column.csv has no claim or text column");
    expect(run.stderr).toContain('its columns are "statement", "speaker"');
    expect(run.stderr).toContain("claim, text, author, url, date");
    expect(existsSync(out)).toBe(false);
    const jsonl = write("no-text.jsonl", '{"statement": "Masks work."}\n');
    expect((await batch(jsonl)).stderr).toMatch(/no claim or text key; its keys are "statement"/);
  });

  it("refuses an empty file, a header-only CSV and a missing file", async () => {
    for (const name of ["empty.jsonl", "header-only.csv"]) {
      const run = await batch(join(FIXTURES, name), { out: join(dir, "none.jsonl") });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/has no rows to check/);
    }
    expect(existsSync(join(dir, "none.jsonl"))).toBe(false);
    const missing = await batch(join(dir, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no file nope\.csv/);
    const wrong = await batch(write("claims.txt", "claim\nMasks work.\n"));
    expect(wrong.stderr).toMatch(/\.csv, \.jsonl, \.ndjson file/);
  });

  it("reports rows with broken CSV quoting by line and checks the rows after them", async () => {
    const run = await batch(join(FIXTURES, "broken-quotes.csv"));
    expect(run.code).toBe(2);
    const lines = linesOf(run.stdout);
    expect(lines.map((l) => [l.row, l.line, l.status])).toEqual([
      [1, 2, "ok"],
      [2, 3, "bad-row"],
      [3, 4, "ok"],
      [4, 5, "bad-row"],
      [5, 6, "ok"],
      [6, 8, "ok"],
    ]);
    expect(lines[1]).toMatchObject({
      input: '"An unclosed quote that never ends,B',
      error: { code: "BAD_INPUT", message: expect.stringMatching(/quote is never closed/) },
    });
    expect(lines[3]?.error?.message).toMatch(/quote inside an unquoted field/);
    expect(lines[4]?.input).toBe("A legit quoted claim\nspread over two lines, about masks.");
    expect(run.stderr).toMatch(
      /^6 rows: 4 checked \(\d reused\), 2 bad, 0 failed; results on stdout\n$/,
    );
  });

  it("reports bad JSON lines and unusable values, and checks the rest", async () => {
    const run = await batch(join(FIXTURES, "bad-lines.jsonl"));
    expect(run.code).toBe(2);
    const lines = linesOf(run.stdout);
    expect(lines.map((l) => [l.line, l.status, l.error?.message ?? ""])).toEqual([
      [1, "ok", ""],
      [2, "bad-row", expect.stringMatching(/^not JSON/)],
      [3, "bad-row", expect.stringMatching(/^not a JSON object/)],
      [4, "bad-row", "no claim or text key"],
      [5, "bad-row", "claim must be text, not number"],
      [6, "bad-row", expect.stringMatching(/^url must be an http\(s\) URL/)],
      [7, "bad-row", "date must be a date written YYYY-MM-DD"],
      [8, "bad-row", expect.stringMatching(/nothing to check/)],
      [9, "ok", ""],
    ]);
    expect(lines[1]?.input).toBe("this is not json");
  });

  it("resumes after a crash: rows already written are kept, the cut-off row runs again", async () => {
    const input = join(dir, "resume.csv");
    copyFileSync(join(FIXTURES, "claims.csv"), input);
    const out = join(dir, "resume.jsonl");
    // Rows 1 and 2 as an earlier run left them, and half of row 3's line when it crashed.
    const earlier = [
      { row: 1, line: 2, input: "Face masks reduce the transmission of respiratory viruses." },
      { row: 2, line: 3, input: "Masks did not reduce transmission in schools, a trial found." },
    ].map((l) => `${JSON.stringify({ ...l, status: "ok", id: "from-earlier-run" })}\n`);
    writeFileSync(out, `${earlier.join("")}{"row":3,"line":4,"inp`);
    const run = await batch(input, { out });
    expect(run.code).toBe(0);
    const lines = linesOf(readFileSync(out, "utf8"));
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3, 4, 5]);
    expect(lines.slice(0, 2).map((l) => l.id)).toEqual(["from-earlier-run", "from-earlier-run"]);
    expect(lines.slice(2).every((l) => l.status === "ok" && l.id !== "from-earlier-run")).toBe(
      true,
    );
    expect(run.stderr).toContain("cut an unfinished last line off resume.jsonl");
    expect(run.stderr).toContain("5 rows: 5 checked");
    expect(run.stderr).toContain("(2 from an earlier run)");

    const again = await batch(input, { out });
    expect(again.code).toBe(0);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(5);
    expect(again.stderr).toContain("(5 from an earlier run)");
  });

  it("refuses to resume into results made from another input file", async () => {
    const out = join(dir, "other.jsonl");
    writeFileSync(out, `${JSON.stringify({ row: 1, input: "Something else.", status: "ok" })}\n`);
    const run = await batch(join(FIXTURES, "claims.csv"), { out });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds a result for row 1 of another input/);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(1);
  });

  it("runs identical rows in flight together once, and reports the others as reused", async () => {
    const file = await freshDb();
    const claim = "Face masks reduce the transmission of respiratory viruses.";
    const csv = write(
      "dupes.csv",
      `claim\n${claim}\n${claim}\n"  face masks REDUCE the transmission of respiratory viruses"\n`,
    );
    const run = await batch(csv, { db: file, concurrency: 3 });
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(new Set(lines.map((l) => l.id)).size).toBe(1);
    expect(lines.map((l) => l.outcome)).toEqual(["first", "reused", "reused"]);
    const store = openSqliteStore(file);
    try {
      expect((await store.checks.getCheck(lines[0]?.id as string))?.versions).toHaveLength(1);
    } finally {
      await store.close();
    }
    expect(run.stderr).toMatch(/^3 rows: 3 checked \(2 reused\)/);
  });

  it("reuses fresh stored checks, and runs each distinct text once more with --fresh", async () => {
    const file = await freshDb();
    const csv = write(
      "fresh.csv",
      "claim\nMasks reduce transmission.\nMasks reduce transmission.\n",
    );
    await batch(csv, { db: file, concurrency: 1 });
    const reused = linesOf((await batch(csv, { db: file, concurrency: 1 })).stdout);
    expect(reused.map((l) => [l.outcome, l.version])).toEqual([
      ["reused", 1],
      ["reused", 1],
    ]);
    const forced = linesOf((await batch(csv, { db: file, concurrency: 1, fresh: true })).stdout);
    expect(forced.map((l) => [l.outcome, l.version])).toEqual([
      ["forced", 2],
      ["reused", 2],
    ]);
  });

  it("stops cleanly when interrupted: every written line is whole, and it exits 130", async () => {
    const controller = new AbortController();
    const csv = write(
      "interrupt.csv",
      `claim\n${Array.from({ length: 12 }, (_, i) => `Masks reduce transmission in study ${i}.`).join("\n")}\n`,
    );
    const run = await batch(csv, { signal: controller.signal, db: await freshDb() }, () =>
      controller.abort(),
    );
    expect(run.code).toBe(130);
    const lines = linesOf(run.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(12);
    expect(lines.map((l) => l.row)).toEqual(lines.map((_, i) => i + 1));
    expect(run.stderr).toMatch(/^stopped after \d+ rows: /);
  });

  it("shows done/total, rate and ETA on a terminal, and a Ctrl-C mid-way leaves a resumable file", async () => {
    const csv = write(
      "tty.csv",
      `claim\n${Array.from({ length: 8 }, (_, i) => `Masks cut transmission in trial ${i}.`).join("\n")}\n`,
    );
    const out = join(dir, "tty.jsonl");
    const controller = new AbortController();
    let stderr = "";
    const io: CliIo = {
      stdout: { write: () => true },
      stderr: {
        isTTY: true,
        columns: 120,
        write: (s: string) => {
          stderr += s;
          // cli-progress draws the first update at once and throttles later ones.
          if (s.includes("1/8")) controller.abort();
          return true;
        },
      },
      env: {},
      cwd: dir,
    };
    const options = { db: await freshDb(), out, concurrency: 2, fresh: false };
    const code = await batchCommand(
      csv,
      { ...options, config: configFor(options.db), signal: controller.signal },
      io,
    );
    expect(code).toBe(130);
    expect(stderr).toMatch(/Checking \[.*\] \d+% \| 1\/8 · [\d.]+ rows\/s · ETA \d+/);
    expect(stderr).toContain("run the same command again to resume");
    const written = linesOf(readFileSync(out, "utf8"));
    expect(written.map((l) => l.row)).toEqual([1]);
    const resumed = await batch(csv, { ...options });
    expect(resumed.code).toBe(0);
    expect(linesOf(readFileSync(out, "utf8")).map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(resumed.stderr).toContain("(1 from an earlier run)");
  });

  it("refuses an out file with a line that is not a result", async () => {
    const out = write("garbage.jsonl", '{"row":1,"input":"x","status":"ok"}\nnot a result\n');
    const run = await batch(join(FIXTURES, "claims.csv"), { out });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^line 2 of garbage\.jsonl is not a batch result/);
  });

  it("refuses a concurrency outside 1 to 16", async () => {
    for (const concurrency of [0, 17, 1.5]) {
      const run = await batch(join(FIXTURES, "claims.csv"), { concurrency });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--concurrency must be a whole number from 1 to 16/);
    }
  });
});
