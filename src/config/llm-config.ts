// The language-model part of the configuration: which provider and model, its key and address,
// and what one check may spend. Absent unless FACTUALLY_LLM_PROVIDER (or `llm` in the config
// file) names a provider: the default check needs no model.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { badConfig, type Env, envBoolean, envNumber, nonEmpty } from "./env-values.js";

export const LLM_PROVIDERS = ["openai", "anthropic", "openai-compatible", "gguf"] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

const HttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
const Count = (max: number) => z.number().int().min(1).max(max);

/** The `llm` object of factually.config.json. Keys are never read from the file. */
export const LlmConfigFile = z.strictObject({
  provider: z.enum(LLM_PROVIDERS).optional(),
  /** Model id, or for `gguf` the path of the .gguf file (relative to the config file). */
  model: z.string().min(1).optional(),
  baseUrl: HttpUrl.optional(),
  maxCalls: Count(10_000).optional(),
  maxTokens: Count(100_000_000).optional(),
  concurrency: Count(64).optional(),
  timeoutMs: Count(3_600_000).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  /** USD per million tokens, for the cost estimate. */
  price: z.strictObject({ input: z.number().min(0), output: z.number().min(0) }).optional(),
  /** CPU threads for an in-process GGUF model. */
  threads: Count(256).optional(),
});
export type LlmConfigFile = z.infer<typeof LlmConfigFile>;

export interface LlmConfig {
  provider: LlmProvider;
  /** Model id; for `gguf` the absolute path of the model file. */
  model: string;
  baseUrl?: string;
  /** Secret: never printed, never stored in a check. */
  apiKey?: string;
  /** Model calls one check may make, over all stages. */
  maxCalls: number;
  /** Input + output tokens one check may use, over all stages. */
  maxTokens: number;
  /** Model calls in flight at once within one stage. */
  concurrency: number;
  /** One call's limit, in milliseconds (a hung server is abandoned after it). */
  timeoutMs: number;
  /** Retries of a call that failed with 429 or 5xx (exponential backoff, Retry-After honoured). */
  retries: number;
  /** Ask for streamed replies (the timeout then also covers a stalled stream). */
  stream: boolean;
  temperature: number;
  /** USD per million input and output tokens; the cost is unknown without it (0 for gguf). */
  price?: { input: number; output: number };
  threads?: number;
}

export const LLM_DEFAULTS = {
  maxCalls: 60,
  maxTokens: 300_000,
  concurrency: 4,
  timeoutMs: 60_000,
  retries: 2,
  stream: false,
  temperature: 0,
} as const;

/**
 * The model configuration from env (which wins) and the config file's `llm` object, or
 * undefined when no provider is named. Throws BAD_CONFIG naming the variable to fix.
 */
export function resolveLlmConfig(
  env: Env,
  file: LlmConfigFile | undefined,
  fileDir: string,
  cwd: string,
): LlmConfig | undefined {
  const providerRaw = nonEmpty(env.FACTUALLY_LLM_PROVIDER);
  if (providerRaw !== undefined && !(LLM_PROVIDERS as readonly string[]).includes(providerRaw)) {
    throw badConfig(
      "FACTUALLY_LLM_PROVIDER",
      `FACTUALLY_LLM_PROVIDER=${JSON.stringify(providerRaw)} is not a provider Factually knows; use one of ${LLM_PROVIDERS.join(", ")}, or unset it to check offline`,
    );
  }
  const provider = (providerRaw as LlmProvider | undefined) ?? file?.provider;
  if (!provider) return undefined;

  const modelFromEnv = nonEmpty(env.FACTUALLY_LLM_MODEL);
  const rawModel = modelFromEnv ?? file?.model;
  if (!rawModel) {
    throw badConfig(
      "FACTUALLY_LLM_MODEL",
      provider === "gguf"
        ? "FACTUALLY_LLM_PROVIDER=gguf needs FACTUALLY_LLM_MODEL=/path/to/model.gguf"
        : `FACTUALLY_LLM_PROVIDER=${provider} needs FACTUALLY_LLM_MODEL, the model id (e.g. ${exampleModel(provider)})`,
    );
  }
  const model =
    provider === "gguf" ? resolve(modelFromEnv ? cwd : fileDir, rawModel) : rawModel.trim();
  if (provider === "gguf") requireModelFile(model);

  const baseUrl = (urlFromEnv(env) ?? file?.baseUrl)?.replace(/\/+$/, "");
  const apiKey =
    nonEmpty(env.FACTUALLY_LLM_API_KEY) ??
    (provider === "openai" ? nonEmpty(env.OPENAI_API_KEY) : undefined) ??
    (provider === "anthropic" ? nonEmpty(env.ANTHROPIC_API_KEY) : undefined) ??
    (provider === "openai-compatible" ? nonEmpty(env.OPENAI_API_KEY) : undefined);
  if ((provider === "openai" || provider === "anthropic") && !apiKey) {
    const name = provider === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
    throw badConfig(
      name,
      `FACTUALLY_LLM_PROVIDER=${provider} needs an API key: set ${name} (or FACTUALLY_LLM_API_KEY), or use --offline`,
    );
  }
  if (provider === "openai-compatible" && !baseUrl) {
    throw badConfig(
      "FACTUALLY_LLM_BASE_URL",
      "FACTUALLY_LLM_PROVIDER=openai-compatible needs FACTUALLY_LLM_BASE_URL, the server's /v1 address (e.g. http://localhost:11434/v1 for Ollama)",
    );
  }

  const priceInput = envNumber(env, "FACTUALLY_LLM_PRICE_INPUT", z.number().min(0));
  const priceOutput = envNumber(env, "FACTUALLY_LLM_PRICE_OUTPUT", z.number().min(0));
  if ((priceInput === undefined) !== (priceOutput === undefined)) {
    throw badConfig(
      priceInput === undefined ? "FACTUALLY_LLM_PRICE_INPUT" : "FACTUALLY_LLM_PRICE_OUTPUT",
      "set both FACTUALLY_LLM_PRICE_INPUT and FACTUALLY_LLM_PRICE_OUTPUT (USD per million tokens), or neither",
    );
  }
  const price =
    priceInput !== undefined && priceOutput !== undefined
      ? { input: priceInput, output: priceOutput }
      : (file?.price ?? (provider === "gguf" ? { input: 0, output: 0 } : undefined));
  const threads = envNumber(env, "FACTUALLY_LLM_THREADS", Count(256)) ?? file?.threads;

  return {
    provider,
    model,
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    maxCalls:
      envNumber(env, "FACTUALLY_LLM_MAX_CALLS", Count(10_000)) ??
      file?.maxCalls ??
      LLM_DEFAULTS.maxCalls,
    maxTokens:
      envNumber(env, "FACTUALLY_LLM_MAX_TOKENS", Count(100_000_000)) ??
      file?.maxTokens ??
      LLM_DEFAULTS.maxTokens,
    concurrency:
      envNumber(env, "FACTUALLY_LLM_CONCURRENCY", Count(64)) ??
      file?.concurrency ??
      LLM_DEFAULTS.concurrency,
    timeoutMs:
      envNumber(env, "FACTUALLY_LLM_TIMEOUT_MS", Count(3_600_000)) ??
      file?.timeoutMs ??
      LLM_DEFAULTS.timeoutMs,
    retries:
      envNumber(env, "FACTUALLY_LLM_RETRIES", z.number().int().min(0).max(10)) ??
      file?.retries ??
      LLM_DEFAULTS.retries,
    stream: envBoolean(env, "FACTUALLY_LLM_STREAM") ?? file?.stream ?? LLM_DEFAULTS.stream,
    temperature:
      envNumber(env, "FACTUALLY_LLM_TEMPERATURE", z.number().min(0).max(2)) ??
      file?.temperature ??
      LLM_DEFAULTS.temperature,
    ...(price ? { price } : {}),
    ...(threads ? { threads } : {}),
  };
}

function exampleModel(provider: LlmProvider): string {
  if (provider === "anthropic") return "claude-sonnet-4-5";
  if (provider === "openai-compatible") return "llama3.1:8b for Ollama";
  return "gpt-4.1-mini";
}

function requireModelFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw badConfig(
      "FACTUALLY_LLM_MODEL",
      `FACTUALLY_LLM_MODEL=${path} does not exist or is not a file; give the path of a .gguf model file`,
    );
  }
}

function urlFromEnv(env: Env): string | undefined {
  const raw = nonEmpty(env.FACTUALLY_LLM_BASE_URL);
  if (raw === undefined) return undefined;
  const parsed = HttpUrl.safeParse(raw.trim());
  if (!parsed.success) {
    throw badConfig(
      "FACTUALLY_LLM_BASE_URL",
      `FACTUALLY_LLM_BASE_URL=${JSON.stringify(raw)} is not an http(s) URL; give the server's /v1 address`,
    );
  }
  return parsed.data;
}
