// `factually eval <claim benchmark>` end to end, in process, on the hand-written fixture folders:
// exit codes, the tables, the JSON line, the outcomes file, --llm against a loopback model.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scriptedModel } from "../../llm/testing/scripted-model.js";
import { startWireServer, type WireServer } from "../../llm/testing/wire-server.js";
import { runCaptured } from "../captured-io.js";

const FIXTURES = new URL("../../../test/fixtures/eval", import.meta.url).pathname;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-eval-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCaptured(args, { cwd: dir, env });

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "");

describe.each([
  ["scifact-verify", "scifact", "dev", 4, ["SUPPORT", "REFUTE", "NEI"]],
  ["check-covid", "check-covid", "test", 3, ["SUPPORT", "REFUTE", "NEI"]],
  ["liar-plus", "liar-plus", "report", 3, ["true", "mixed", "false"]],
  [
    "averitec",
    "averitec-subset",
    "report",
    3,
    ["Supported", "Refuted", "Conflicting Evidence/Cherrypicking", "Not Enough Evidence"],
  ],
  [
    "climate-fever",
    "climate-fever",
    "report",
    3,
    ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"],
  ],
] as const)("factually eval %s", (name, folder, split, claims, labels) => {
  it("prints the scores, confusion and calibration tables and ends with the JSON line", async () => {
    const run = await cli(["eval", name, "--data", join(FIXTURES, folder), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nall claims +\d/);
    expect(run.stdout).toContain("gold \\ predicted");
    expect(run.stdout).toMatch(
      /Calibration of the verdict's confidence \(all claims\), ECE \d\.\d{3}:\nconfidence +claims +mean confidence +accuracy/,
    );
    expect(run.stdout).toContain("offline stages");
    const json = lastJson(run.stdout);
    expect(json).toMatchObject({ benchmark: name, split, claims, stages: "offline stages" });
    expect(Object.keys(json.metrics.f1)).toEqual(labels);
    expect(json.metrics.unverified).toBeGreaterThanOrEqual(0);
    expect(json.metrics.ece).toBeGreaterThanOrEqual(0);
    expect(json.metrics.calibration).toHaveLength(10);
    expect(json.metrics.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(claims);
  });

  it("exits 2 naming the folder when the data is missing", async () => {
    const missing = join(dir, `no-${folder}`);
    const run = await cli(["eval", name, "--data", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^factually: ${missing} not found; pass --data DIR pointing at the .+ folder`),
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("factually eval scifact-verify", () => {
  it("adds the unseen-evidence row, and its figures under metrics.unseen", async () => {
    const run = await cli([
      "eval",
      "scifact-verify",
      "--data",
      join(FIXTURES, "scifact"),
      "--json",
    ]);
    expect(run.stdout).toMatch(/\nunseen evidence +2 /);
    expect(run.stdout).toContain("Note: unseen evidence: the 2 dev claims");
    expect(lastJson(run.stdout).metrics.unseen).toMatchObject({ claims: 2 });
  });

  it("writes every claim's outcome as JSON Lines with --out", async () => {
    const out = join(dir, "outcomes.jsonl");
    const run = await cli([
      "eval",
      "scifact-verify",
      "--data",
      join(FIXTURES, "scifact"),
      "--out",
      "outcomes.jsonl",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote 4 claim outcomes to ${out}\n`);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
    expect(Object.keys(rows[0])).toEqual([
      "id",
      "claim",
      "gold",
      "predicted",
      "verdict",
      "confidence",
      "evidence",
      "evidenceFound",
      "sources",
      "fallbacks",
    ]);
  });
});

describe("factually eval climate-fever", () => {
  it("adds the three-way row without DISPUTED claims, under metrics.three_way", async () => {
    const run = await cli([
      "eval",
      "climate-fever",
      "--data",
      join(FIXTURES, "climate-fever"),
      "--split",
      "all",
      "--json",
    ]);
    expect(run.stdout).toMatch(/\n3-way, no DISPUTED +3 /);
    const json = lastJson(run.stdout);
    expect(json.claims).toBe(4);
    expect(Object.keys(json.metrics.three_way.f1)).toEqual([
      "SUPPORTS",
      "REFUTES",
      "NOT_ENOUGH_INFO",
    ]);
  });
});

describe("factually eval liar-plus", () => {
  it("says how many rows were skipped for want of a justification", async () => {
    const run = await cli(["eval", "liar-plus", "--data", join(FIXTURES, "liar-plus")]);
    expect(run.stdout).toContain(
      "Note: 4 rows in the report part; 1 without a justification skipped",
    );
  });
});

describe("factually eval … --llm", () => {
  let server: WireServer;
  beforeAll(async () => {
    server = await startWireServer(scriptedModel());
  });
  afterAll(async () => {
    await server.close();
  });

  it("exits 2 with the check command's message when no model is configured", async () => {
    const run = await cli(["eval", "liar-plus", "--data", join(FIXTURES, "liar-plus"), "--llm"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^factually: --llm needs a language model: set FACTUALLY_LLM_PROVIDER and FACTUALLY_LLM_MODEL/,
    );
  });

  it("runs every claim through the configured model's stages", async () => {
    const before = server.requests.length;
    const run = await cli(
      ["eval", "check-covid", "--data", join(FIXTURES, "check-covid"), "--llm", "--json"],
      {
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "wire-model",
        FACTUALLY_LLM_BASE_URL: `${server.url}/v1`,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("model-backed stages (openai-compatible:wire-model)");
    const json = lastJson(run.stdout);
    expect(json.stages).toBe("model-backed stages (openai-compatible:wire-model)");
    expect(json.claims).toBe(3);
    expect(server.requests.length - before).toBeGreaterThanOrEqual(3 * 3);
  });

  it("ignores a configured model without --llm", async () => {
    const before = server.requests.length;
    const run = await cli(
      ["eval", "check-covid", "--data", join(FIXTURES, "check-covid"), "--json"],
      {
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "wire-model",
        FACTUALLY_LLM_BASE_URL: `${server.url}/v1`,
      },
    );
    expect(run.code).toBe(0);
    expect(lastJson(run.stdout).stages).toBe("offline stages");
    expect(server.requests.length).toBe(before);
  });
});
