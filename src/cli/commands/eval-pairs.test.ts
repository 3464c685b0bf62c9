// `factually eval healthver` and `eval wice` end to end, in process, on the hand-written
// fixture folders: exit codes, the tables, the JSON line, --llm against a loopback model.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scriptedModel } from "../../llm/testing/scripted-model.js";
import { startWireServer, type WireServer } from "../../llm/testing/wire-server.js";
import { runCaptured } from "../captured-io.js";

const FIXTURES = new URL("../../../test/fixtures/eval", import.meta.url).pathname;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-eval-pairs-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCaptured(args, { cwd: dir, env });

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "");

describe.each([
  ["healthver", "test", 3, ["Supports", "Refutes", "Neutral"]],
  ["wice", "test", 4, ["supported", "partially_supported", "not_supported"]],
] as const)("factually eval %s", (name, split, pairs, labels) => {
  it("prints the scores, per-class and confusion tables and ends with the JSON line", async () => {
    const run = await cli(["eval", name, "--data", join(FIXTURES, name), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nall pairs +\d/);
    expect(run.stdout).toMatch(/pairs\/s/);
    expect(run.stdout).toMatch(/\nlabel +precision +recall +F1\n/);
    expect(run.stdout).toContain("gold \\ predicted");
    const json = lastJson(run.stdout);
    expect(json).toMatchObject({ benchmark: name, split, pairs, stages: "offline stages" });
    expect(Object.keys(json.metrics.f1)).toEqual(labels);
    expect(json.metrics["pairs/s"]).toBeGreaterThan(0);
    expect(json.metrics.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(pairs);
  });

  it("exits 2 naming the folder when the data is missing", async () => {
    const missing = join(dir, `no-${name}`);
    const run = await cli(["eval", name, "--data", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^factually: ${missing} not found; pass --data DIR pointing at the .+ folder`),
    );
  });
});

describe("factually eval wice", () => {
  it("adds the two-way rows per pair and per claim", async () => {
    const run = await cli([
      "eval",
      "wice",
      "--data",
      join(FIXTURES, "wice"),
      "--split",
      "dev",
      "--json",
    ]);
    expect(run.stdout).toMatch(/\n2-way pairs +4 /);
    expect(run.stdout).toMatch(/\n2-way claims +3 /);
    const json = lastJson(run.stdout);
    expect(json.metrics.two_way.count).toBe(4);
    expect(json.metrics.claims_two_way.count).toBe(3);
  });
});

describe("factually eval healthver --llm", () => {
  let server: WireServer;
  beforeAll(async () => {
    server = await startWireServer(scriptedModel());
  });
  afterAll(async () => {
    await server.close();
  });

  it("asks the configured model for the stance of every pair", async () => {
    const run = await cli(
      ["eval", "healthver", "--data", join(FIXTURES, "healthver"), "--llm", "--json"],
      {
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "wire-model",
        FACTUALLY_LLM_BASE_URL: `${server.url}/v1`,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("the assessor model:openai-compatible:wire-model");
    expect(lastJson(run.stdout).stages).toBe("model-backed stages (openai-compatible:wire-model)");
    expect(server.requests).toHaveLength(3);
  });

  it("exits 2 when no model is configured", async () => {
    const run = await cli(["eval", "healthver", "--data", join(FIXTURES, "healthver"), "--llm"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--llm needs a language model/);
  });
});
