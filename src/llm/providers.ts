// The configured language model as an AI SDK model: OpenAI, Anthropic, any OpenAI-compatible
// server (Ollama, vLLM, llama.cpp, LM Studio) or a GGUF file run in-process.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { LlmConfig } from "../config/llm-config.js";
import { FactuallyError, messageOf } from "../core/errors.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import { quotaKey } from "../text/hash.js";
import { processPacers } from "../web/request-pacer.js";
import { boundedFetch } from "./bounded-fetch.js";
import { createLimiter } from "./limiter.js";
import type { ModelHandle } from "./model-caller.js";

// The SDK prints its warnings (e.g. "temperature is not supported by this model") to stderr,
// where they would interleave with the progress bar; the outcome of every call is recorded.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** How long the start-up check waits for a configured server to answer at all. */
export const REACHABLE_TIMEOUT_MS = 5_000;

/** The model for `config`; a GGUF model loads on its first call, not here. */
export async function languageModelFor(config: LlmConfig): Promise<LanguageModel> {
  // Every HTTP provider reads its replies through this fetch: none is read past the limit.
  const fetch = boundedFetch(config.maxReplyBytes);
  switch (config.provider) {
    case "openai":
      // Chat Completions rather than the Responses API: the one wire format that every
      // OpenAI-compatible proxy also speaks.
      return createOpenAI({
        fetch,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
      }).chat(config.model);
    case "anthropic":
      return createAnthropic({
        fetch,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
      })(config.model);
    case "openai-compatible":
      return createOpenAICompatible({
        name: "openai-compatible",
        fetch,
        baseURL: config.baseUrl ?? "",
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        supportsStructuredOutputs: true,
        includeUsage: true,
      })(config.model);
    case "gguf": {
      // Loaded only when configured: node-llama-cpp is large and native.
      const { createGgufModel } = await import("./gguf/index.js");
      return createGgufModel({
        modelPath: config.model,
        ...(config.threads ? { threads: config.threads } : {}),
      });
    }
  }
}

/**
 * The handle the model-backed stages call through: one per process and configuration. With
 * `perMinute` set, its requests are paced by `pacers` (default: this process's).
 */
export async function modelHandleFor(
  config: LlmConfig,
  options: { pacers?: PacerFactory } = {},
): Promise<ModelHandle> {
  const pacers = options.pacers ?? processPacers();
  return {
    id: `${config.provider}:${config.provider === "gguf" ? basename(config.model) : config.model}`,
    model: await languageModelFor(config),
    // An in-process model computes one answer at a time; more in flight only queue in memory.
    limiter: createLimiter(config.provider === "gguf" ? 1 : config.concurrency),
    ...(config.perMinute ? { pace: pacers(modelQuotaKey(config), 60_000 / config.perMinute) } : {}),
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    stream: config.stream,
    temperature: config.temperature,
    ...(config.price ? { price: config.price } : {}),
    ...(config.maxOutputTokens ? { maxOutputTokens: config.maxOutputTokens } : {}),
  };
}

/**
 * Fails fast, before any check starts, when a configured server cannot be reached: any HTTP
 * answer counts as reachable (a 401 is the key's problem, reported by the first call). The
 * providers' own public endpoints are not probed.
 */
export async function checkReachable(
  config: LlmConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  if (!config.baseUrl) return;
  const url = `${config.baseUrl}/models`;
  try {
    const response = await fetchImpl(url, {
      signal: AbortSignal.timeout(REACHABLE_TIMEOUT_MS),
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
    });
    await response.body?.cancel();
  } catch (error) {
    const cause =
      error instanceof Error
        ? (error.cause as { code?: string; message?: string } | undefined)
        : undefined;
    const why =
      error instanceof DOMException && error.name === "TimeoutError"
        ? `no answer within ${REACHABLE_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? messageOf(error));
    throw new FactuallyError(
      "BAD_CONFIG",
      `cannot reach the language model at FACTUALLY_LLM_BASE_URL=${config.baseUrl} (${why}); start the server (for Ollama: ollama serve), fix the URL, or run with --offline`,
      { target: "FACTUALLY_LLM_BASE_URL", cause: error },
    );
  }
}

/**
 * The quota a model's requests spend: the provider and a hash of its key (a keyless server by its
 * address, an in-process model by its file), so processes sharing a key share one pace.
 */
export function modelQuotaKey(config: LlmConfig): string {
  return quotaKey(`llm:${config.provider}`, config.apiKey ?? config.baseUrl ?? config.model);
}

function basename(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
