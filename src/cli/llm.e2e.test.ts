// `factually check --llm` as a user runs it: the built binary, configured by environment
// variables to use a loopback server as its OpenAI-compatible model. Every model-backed stage
// runs, the version stores calls and tokens, --verbose shows them, and bad model settings stop
// the command at start with exit 2 and the variable to fix. Uses the built binary (npm test
// builds it first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptedModel } from "../llm/testing/scripted-model.js";
import { startWireServer, type WireServer } from "../llm/testing/wire-server.js";
import { BIN, type BinaryRun, ROOT, requireBuiltBinary, runBuiltCli } from "./testing/built-cli.js";

const CORPUS = join(ROOT, "corpus/check-covid/abstracts.jsonl");
const CLAIM = "Face masks reduce the spread of COVID-19.";

let dir: string;
let db: string;
let server: WireServer;

/** Runs the binary on this test's database; the loopback server answers meanwhile. */
function factually(env: Record<string, string>, ...args: string[]): Promise<BinaryRun> {
  return runBuiltCli([...args, "--db", db], { cwd: dir, env });
}

const model = () => ({
  FACTUALLY_LLM_PROVIDER: "openai-compatible",
  FACTUALLY_LLM_MODEL: "wire-model",
  FACTUALLY_LLM_BASE_URL: `${server.url}/v1`,
  FACTUALLY_LLM_PRICE_INPUT: "0.5",
  FACTUALLY_LLM_PRICE_OUTPUT: "1.5",
});

beforeAll(async () => {
  requireBuiltBinary();
  dir = mkdtempSync(join(tmpdir(), "factually-llm-e2e-"));
  db = join(dir, "llm.db");
  const ingest = spawnSync(process.execPath, [BIN, "ingest", CORPUS, "--db", db], {
    encoding: "utf8",
  });
  expect(ingest.status).toBe(0);
  server = await startWireServer(scriptedModel());
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("factually check --llm", () => {
  it("runs every model-backed stage end to end and stores the calls and tokens", async () => {
    const run = await factually(model(), "check", CLAIM, "--llm", "--json");
    expect(run.stderr).not.toMatch(/Error|at .*\.js/);
    expect(run.code).toBe(0);
    const { version } = JSON.parse(run.stdout);
    expect(version.usage.map((u: { stage: string }) => u.stage)).toEqual([
      "understand",
      "plan",
      "assess",
      "write",
      "verify",
    ]);
    expect(version.fallbacks).toEqual([]);
    expect(version.tokens.input).toBeGreaterThan(0);
    expect(version.usage.reduce((n: number, u: { calls: number }) => n + u.calls, 0)).toBe(
      server.requests.length,
    );
    // The stored version is the same one `show` reads back, with its cost table on request.
    const shown = await factually(model(), "show", JSON.parse(run.stdout).check.id, "--verbose");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /Model: openai-compatible:wire-model · \d+ calls · [\d,]+ tokens · about \$0\.\d{4}/,
    );
    expect(shown.stdout).toMatch(
      /Model use by stage:\n.*stage.*calls.*input tok.*output tok.*cost USD/,
    );
    expect(shown.stdout).toMatch(
      /\nassess +openai-compatible:wire-model +\d+ +[\d,]+ +[\d,]+ +0\.\d{4}/,
    );
  });

  it("--offline ignores the configured model", async () => {
    const calls = server.requests.length;
    const run = await factually(
      model(),
      "check",
      "Vitamin D prevents COVID-19.",
      "--offline",
      "--json",
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).version.usage).toEqual([]);
    expect(server.requests.length).toBe(calls);
  });

  it("writes in the input's language with a model, and says the offline path is English-only", async () => {
    const french = "Les masques réduisent la propagation du COVID-19.";
    const before = server.requests.length;
    const withModel = await factually(model(), "check", french, "--json", "--fresh");
    expect(withModel.code).toBe(0);
    const sent = server.requests.slice(before);
    const systemOf = (marker: string) =>
      sent.find((r) => JSON.stringify(r.schema).includes(marker))?.system ?? "";
    expect(systemOf('"queries"')).toContain("Write the queries in French.");
    expect(systemOf('"summary"')).toContain("in French, from the sources given");
    expect(JSON.parse(withModel.stdout).version.claim.language).toBe("fr");
    const offline = await factually({}, "check", french, "--offline", "--json", "--fresh");
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout).version.notes.join("\n")).toMatch(
      /looks French, but the offline stages search, weigh and write in English only; configure a language model/,
    );
  });
});

describe("bad model settings stop the command at start", () => {
  it.each([
    [{ FACTUALLY_LLM_PROVIDER: "gemini" }, /FACTUALLY_LLM_PROVIDER="gemini" is not a provider/],
    [{ FACTUALLY_LLM_PROVIDER: "openai", FACTUALLY_LLM_MODEL: "gpt-x" }, /set OPENAI_API_KEY/],
    [{ FACTUALLY_LLM_PROVIDER: "gguf", FACTUALLY_LLM_MODEL: "/nope.gguf" }, /does not exist/],
    [{}, /--llm needs a language model/],
  ])("%o → exit 2", async (env, message) => {
    const run = await factually(env, "check", CLAIM, "--llm");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unreachable base URL → exit 2 naming it, before any check runs", async () => {
    const port = await closedPort();
    const run = await factually(
      { ...model(), FACTUALLY_LLM_BASE_URL: `http://127.0.0.1:${port}/v1` },
      "check",
      CLAIM,
      "--fresh",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /cannot reach the language model at FACTUALLY_LLM_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\)/,
    );
  });

  it("a config file with an unknown llm key → exit 2", async () => {
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({ llm: { provider: "openai", key: "x" } }),
    );
    try {
      const run = await factually({}, "check", CLAIM);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/llm/);
    } finally {
      rmSync(join(dir, "factually.config.json"));
    }
  });
});

/** A loopback port nothing listens on (bound and released). */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}
