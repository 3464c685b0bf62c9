import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

const cwd = mkdtempSync(join(tmpdir(), "factually-llm-config-"));
const load = (env: Record<string, string>) => loadConfig({ cwd, env });
const badConfig = (target: string, message: RegExp) =>
  expect.objectContaining({ code: "BAD_CONFIG", target, message: expect.stringMatching(message) });

describe("language-model configuration", () => {
  it("is absent by default: checks run offline", () => {
    expect(load({}).llm).toBeUndefined();
  });

  it("reads provider, model, base URL, key and budgets from the environment", () => {
    const { llm } = load({
      FACTUALLY_LLM_PROVIDER: "openai-compatible",
      FACTUALLY_LLM_MODEL: "llama3.1:8b",
      FACTUALLY_LLM_BASE_URL: "http://127.0.0.1:11434/v1/",
      FACTUALLY_LLM_MAX_CALLS: "12",
      FACTUALLY_LLM_MAX_TOKENS: "5000",
      FACTUALLY_LLM_CONCURRENCY: "3",
      FACTUALLY_LLM_PER_MINUTE: "90",
      FACTUALLY_LLM_TIMEOUT_MS: "1500",
      FACTUALLY_LLM_RETRIES: "0",
      FACTUALLY_LLM_STREAM: "true",
      FACTUALLY_LLM_PRICE_INPUT: "0.5",
      FACTUALLY_LLM_PRICE_OUTPUT: "1.5",
    });
    expect(llm).toEqual({
      provider: "openai-compatible",
      model: "llama3.1:8b",
      baseUrl: "http://127.0.0.1:11434/v1",
      maxCalls: 12,
      maxTokens: 5000,
      concurrency: 3,
      perMinute: 90,
      timeoutMs: 1500,
      retries: 0,
      stream: true,
      temperature: 0,
      price: { input: 0.5, output: 1.5 },
      maxReplyBytes: 4 * 1024 * 1024,
    });
  });

  it("reads output-token limits per stage, the request rate and the largest reply body from the environment", () => {
    const compat = {
      FACTUALLY_LLM_PROVIDER: "openai-compatible",
      FACTUALLY_LLM_MODEL: "m",
      FACTUALLY_LLM_BASE_URL: "http://x/v1",
    };
    expect(
      load({
        ...compat,
        FACTUALLY_LLM_MAX_OUTPUT_TOKENS: "write=4000, verify=1500",
        FACTUALLY_LLM_MAX_REPLY_BYTES: "1048576",
      }).llm,
    ).toMatchObject({ maxOutputTokens: { write: 4000, verify: 1500 }, maxReplyBytes: 1048576 });
    expect(
      load({ ...compat, FACTUALLY_LLM_MAX_OUTPUT_TOKENS: "900" }).llm?.maxOutputTokens,
    ).toEqual({ understand: 900, plan: 900, assess: 900, write: 900, verify: 900, rewrite: 900 });
    expect(load(compat).llm?.maxOutputTokens).toBeUndefined();
    expect(() => load({ ...compat, FACTUALLY_LLM_MAX_OUTPUT_TOKENS: "judge=10" })).toThrow(
      badConfig("FACTUALLY_LLM_MAX_OUTPUT_TOKENS", /"judge" is not a stage/),
    );
    expect(() => load({ ...compat, FACTUALLY_LLM_MAX_OUTPUT_TOKENS: "write=lots" })).toThrow(
      badConfig("FACTUALLY_LLM_MAX_OUTPUT_TOKENS", /limit of write is not a whole number/),
    );
    expect(load(compat).llm?.perMinute).toBeUndefined();
    for (const bad of ["0", "-5", "2.5", "lots"]) {
      expect(() => load({ ...compat, FACTUALLY_LLM_PER_MINUTE: bad })).toThrow(
        badConfig("FACTUALLY_LLM_PER_MINUTE", /^FACTUALLY_LLM_PER_MINUTE=.* is not valid/),
      );
    }
    expect(() => load({ ...compat, FACTUALLY_LLM_MAX_REPLY_BYTES: "100" })).toThrow(
      badConfig("FACTUALLY_LLM_MAX_REPLY_BYTES", /not valid/),
    );
  });

  it("takes the provider's usual key variable", () => {
    expect(
      load({
        FACTUALLY_LLM_PROVIDER: "anthropic",
        FACTUALLY_LLM_MODEL: "claude-x",
        ANTHROPIC_API_KEY: "sk-ant",
      }).llm?.apiKey,
    ).toBe("sk-ant");
    expect(
      load({
        FACTUALLY_LLM_PROVIDER: "openai",
        FACTUALLY_LLM_MODEL: "gpt-x",
        OPENAI_API_KEY: "sk-o",
      }).llm?.apiKey,
    ).toBe("sk-o");
  });

  it("names the culprit for every bad setting", () => {
    expect(() => load({ FACTUALLY_LLM_PROVIDER: "gemini" })).toThrow(
      badConfig("FACTUALLY_LLM_PROVIDER", /use one of openai, anthropic, openai-compatible, gguf/),
    );
    expect(() => load({ FACTUALLY_LLM_PROVIDER: "openai" })).toThrow(
      badConfig("FACTUALLY_LLM_MODEL", /needs FACTUALLY_LLM_MODEL/),
    );
    expect(() => load({ FACTUALLY_LLM_PROVIDER: "openai", FACTUALLY_LLM_MODEL: "gpt-x" })).toThrow(
      badConfig("OPENAI_API_KEY", /set OPENAI_API_KEY/),
    );
    expect(() => load({ FACTUALLY_LLM_PROVIDER: "anthropic", FACTUALLY_LLM_MODEL: "c" })).toThrow(
      badConfig("ANTHROPIC_API_KEY", /ANTHROPIC_API_KEY/),
    );
    expect(() =>
      load({ FACTUALLY_LLM_PROVIDER: "openai-compatible", FACTUALLY_LLM_MODEL: "m" }),
    ).toThrow(badConfig("FACTUALLY_LLM_BASE_URL", /11434/));
    expect(() =>
      load({ FACTUALLY_LLM_PROVIDER: "gguf", FACTUALLY_LLM_MODEL: "/no/such/model.gguf" }),
    ).toThrow(badConfig("FACTUALLY_LLM_MODEL", /does not exist/));
    expect(() =>
      load({
        FACTUALLY_LLM_PROVIDER: "openai-compatible",
        FACTUALLY_LLM_MODEL: "m",
        FACTUALLY_LLM_BASE_URL: "ftp://x",
      }),
    ).toThrow(badConfig("FACTUALLY_LLM_BASE_URL", /not an http/));
    const compat = {
      FACTUALLY_LLM_PROVIDER: "openai-compatible",
      FACTUALLY_LLM_MODEL: "m",
      FACTUALLY_LLM_BASE_URL: "http://x/v1",
    };
    expect(() => load({ ...compat, FACTUALLY_LLM_MAX_CALLS: "0" })).toThrow(
      badConfig("FACTUALLY_LLM_MAX_CALLS", /not valid/),
    );
    expect(() => load({ ...compat, FACTUALLY_LLM_STREAM: "maybe" })).toThrow(
      badConfig("FACTUALLY_LLM_STREAM", /true or false/),
    );
    expect(() => load({ ...compat, FACTUALLY_LLM_PRICE_INPUT: "1" })).toThrow(
      badConfig("FACTUALLY_LLM_PRICE_OUTPUT", /both/),
    );
  });

  it("reads the llm object of the config file, with a GGUF path relative to the file, never a key", () => {
    const dir = mkdtempSync(join(tmpdir(), "factually-llm-file-"));
    writeFileSync(join(dir, "tiny.gguf"), "GGUF");
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({
        llm: { provider: "gguf", model: "tiny.gguf", threads: 1, maxOutputTokens: { write: 3000 } },
      }),
    );
    const { llm } = loadConfig({ cwd: dir, env: {} });
    expect(llm).toMatchObject({
      provider: "gguf",
      model: join(dir, "tiny.gguf"),
      threads: 1,
      price: { input: 0, output: 0 },
      maxOutputTokens: { write: 3000 },
    });
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({ llm: { provider: "openai", apiKey: "sk" } }),
    );
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(
      expect.objectContaining({ code: "BAD_CONFIG", message: expect.stringContaining("llm") }),
    );
  });
});
