import { describe, expect, it } from "vitest";
import type { LlmConfig } from "../config/llm-config.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import { modelHandleFor, modelQuotaKey } from "./providers.js";

const openai: LlmConfig = {
  provider: "openai",
  model: "gpt-4.1-mini",
  apiKey: "sk-secret-0123456789",
  maxCalls: 10,
  maxTokens: 1000,
  concurrency: 4,
  timeoutMs: 1000,
  retries: 0,
  stream: false,
  temperature: 0,
  maxReplyBytes: 65_536,
};

/** A factory that records what it was asked for and paces nothing. */
function recordingPacers() {
  const asked: Array<[string, number]> = [];
  const pacers: PacerFactory = (key, minIntervalMs) => {
    asked.push([key, minIntervalMs]);
    return async () => {};
  };
  return { asked, pacers };
}

describe("modelHandleFor", () => {
  it("paces requests to the provider's rate, keyed by a hash of its API key", async () => {
    const { asked, pacers } = recordingPacers();
    const handle = await modelHandleFor({ ...openai, perMinute: 120 }, { pacers });
    expect(handle.pace).toBeTypeOf("function");
    expect(asked).toEqual([[modelQuotaKey(openai), 500]]);
    expect(asked[0]?.[0]).toMatch(/^llm:openai:[0-9a-f]{16}$/);
    expect(JSON.stringify(asked)).not.toContain("sk-secret");
  });

  it("does not pace when no rate is set", async () => {
    const { asked, pacers } = recordingPacers();
    const handle = await modelHandleFor(openai, { pacers });
    expect(handle.pace).toBeUndefined();
    expect(asked).toEqual([]);
  });
});

describe("modelQuotaKey", () => {
  it("is shared by configurations with one key and differs between keys and providers", () => {
    expect(modelQuotaKey({ ...openai, model: "gpt-4.1" })).toBe(modelQuotaKey(openai));
    expect(modelQuotaKey({ ...openai, apiKey: "sk-other" })).not.toBe(modelQuotaKey(openai));
    const local = { ...openai, provider: "openai-compatible" as const };
    delete local.apiKey;
    expect(modelQuotaKey({ ...local, baseUrl: "http://127.0.0.1:11434/v1" })).not.toBe(
      modelQuotaKey({ ...local, baseUrl: "http://10.0.0.2:8000/v1" }),
    );
  });
});
