// The engine: opened from a plain configuration, wired once, the same way every time, with the
// configured source policy applied to every check (the CLI's and the server's alike).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../config/config.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import { startWireServer } from "../llm/testing/wire-server.js";
import { settingsFor } from "../pipeline/run.js";
import { isEmptyCorpusError } from "./empty-corpus-error.js";
import { type Engine, openEngine } from "./engine.js";

const DOCUMENTS = [
  {
    id: "trial",
    title: "Vitamin D and influenza in schoolchildren",
    url: "https://journal.example.org/vitamin-d-trial",
    publisher: "Example Journal",
    text: "Vitamin D supplements reduced influenza A in schoolchildren in a randomised trial. The effect was largest in children who had not taken supplements before.",
  },
  {
    id: "null-trial",
    title: "A second trial of vitamin D",
    url: "https://other.example.net/vitamin-d-adults",
    text: "Vitamin D supplements did not reduce influenza in adults. The trial followed two thousand adults over one winter.",
  },
];
const CLAIM = "Vitamin D supplements reduce influenza in schoolchildren.";
const NOW = () => new Date("2026-11-25T12:00:00.000Z");

let dir: string;
let opened: Engine[];

function configWith(env: Record<string, string> = {}): Config {
  return loadConfig({ cwd: dir, env: { FACTUALLY_DB: join(dir, "engine.db"), ...env } });
}

async function open(config: Config, options: Parameters<typeof openEngine>[1] = {}) {
  const engine = await openEngine(config, { now: NOW, ...options });
  opened.push(engine);
  return engine;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "factually-engine-"));
  opened = [];
});
afterEach(async () => {
  for (const engine of opened.reverse()) await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("openEngine", () => {
  it("wires the same stages, providers and policy when opened twice from one configuration", async () => {
    const config = configWith({ FACTUALLY_DENY_DOMAINS: "journal.example.org" });
    const first = await open(config);
    await first.corpus.upsertDocuments(DOCUMENTS);
    const second = await open(config);
    const [a, b] = await Promise.all([first.dependencies(), second.dependencies()]);
    expect(settingsFor(b)).toEqual(settingsFor(a));
    expect(b.readers.map((r) => r.id)).toEqual(a.readers.map((r) => r.id));
    expect(settingsFor(a).policy).toContain("journal.example.org");
    expect(first.location).toBe(second.location);
  });

  it("gives checks that start together one set of sources (one page fetcher to close)", async () => {
    const engine = await open(configWith());
    await engine.corpus.upsertDocuments(DOCUMENTS);
    const [a, b] = await Promise.all([
      engine.dependencies({ web: true }),
      engine.dependencies({ web: true }),
    ]);
    expect(b.readers).toBe(a.readers);
    expect(a.providers.map((p) => p.id)).toEqual(["local", "wikipedia"]);
  });

  it("freezes its configuration, all the way down, and keeps its own copy", async () => {
    const config = configWith();
    const engine = await open(config);
    expect(Object.isFrozen(engine.config)).toBe(true);
    expect(Object.isFrozen(engine.config.web)).toBe(true);
    expect(Object.isFrozen(engine.config.web.search)).toBe(true);
    expect(() => {
      (engine.config as { freshnessDays: number }).freshnessDays = 1;
    }).toThrow(TypeError);
    config.freshnessDays = 2;
    expect(engine.config.freshnessDays).not.toBe(2);
  });

  it("applies the configured deny list to its checks", async () => {
    const engine = await open(configWith({ FACTUALLY_DENY_DOMAINS: "journal.example.org" }));
    await engine.corpus.upsertDocuments(DOCUMENTS);
    const { version } = await engine.check({ text: CLAIM });
    expect(version.settings.policy).toContain("journal.example.org");
    expect(version.sources.length).toBeGreaterThan(0);
    expect(version.sources.some((s) => s.url?.includes("journal.example.org"))).toBe(false);
  });

  it("applies the configured allow list to its checks", async () => {
    const engine = await open(configWith({ FACTUALLY_ALLOW_DOMAINS: "other.example.net" }));
    await engine.corpus.upsertDocuments(DOCUMENTS);
    const { version } = await engine.check({ text: CLAIM }, { fresh: true });
    expect(version.sources.map((s) => s.url)).toEqual([
      "https://other.example.net/vitamin-d-adults",
    ]);
  });

  it("reuses a fresh stored check, and refreshes it as the next version", async () => {
    const engine = await open(configWith());
    await engine.corpus.upsertDocuments(DOCUMENTS);
    const first = await engine.check({ text: CLAIM });
    expect(first.outcome).toBe("first");
    expect((await engine.check({ text: CLAIM })).outcome).toBe("reused");
    const refreshed = await engine.refresh({ id: first.check.id });
    expect(refreshed.version.n).toBe(2);
  });

  it("refuses to check against an empty corpus with no web search configured", async () => {
    const engine = await open(configWith());
    const error = await engine.check({ text: CLAIM }).catch((e: unknown) => e);
    expect(isEmptyCorpusError(error)).toBe(true);
    expect(error).toMatchObject({ code: "BAD_INPUT" });
  });

  it("searches documents ingested by another process after its first check found none", async () => {
    const config = configWith();
    const engine = await open(config);
    const refused = await engine.check({ text: CLAIM }).catch((e: unknown) => e);
    expect(isEmptyCorpusError(refused)).toBe(true);
    // Another engine on the same file stands for `factually ingest` run while a server is up.
    const ingester = await open(config);
    await ingester.corpus.upsertDocuments(DOCUMENTS);
    const checked = await engine.check({ text: CLAIM });
    expect(checked.version.sources.length).toBeGreaterThan(0);
  });

  it("says a model is needed when opened to use one and none is configured", async () => {
    const engine = await open(configWith(), { model: "llm" });
    await expect(engine.stages()).rejects.toMatchObject({
      code: "BAD_CONFIG",
      message: expect.stringMatching(/--llm needs a language model/),
    });
  });

  it("runs a request without the model offline, and refuses one that needs a missing model", async () => {
    const engine = await open(configWith());
    await engine.corpus.upsertDocuments(DOCUMENTS);
    await expect(engine.dependencies({ llm: true })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(settingsFor(await engine.dependencies({ llm: false })).promptVersion).toBe("offline@1");
  });

  it("paces every model request, and the search providers, with the pacers it is given", async () => {
    const model = await startWireServer(() => ({ kind: "status", status: 500, message: "down" }));
    try {
      const asked = new Set<string>();
      let paced = 0;
      const pacers: PacerFactory = (key, minIntervalMs) => {
        asked.add(`${key.replace(/:[0-9a-f]{16}$/, ":<hash>")} every ${minIntervalMs} ms`);
        return async () => {
          if (key.startsWith("llm:")) paced++;
        };
      };
      const config = configWith({
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "wire-model",
        FACTUALLY_LLM_BASE_URL: `${model.url}/v1`,
        FACTUALLY_LLM_RETRIES: "0",
        FACTUALLY_LLM_PER_MINUTE: "600",
        FACTUALLY_SEARCH_PER_MINUTE: "wikipedia=120",
      });
      const engine = await open(config, { pacers });
      await engine.corpus.upsertDocuments(DOCUMENTS);
      // The model fails every call, so each stage falls back offline; each call was paced.
      await engine.check({ text: CLAIM }, { web: false });
      expect(model.requests.length).toBeGreaterThan(0);
      expect(paced).toBe(model.requests.length);
      // Wired, not searched: nothing here reaches the internet.
      await engine.dependencies({ web: true });
      expect([...asked].sort()).toEqual([
        "llm:openai-compatible:<hash> every 100 ms",
        "search:wikipedia:<hash> every 500 ms",
      ]);
    } finally {
      await model.close();
    }
  });
});
