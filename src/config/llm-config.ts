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

/**
 * The model calls whose output can be limited one by one: a stage's prompt (`rewrite` is the
 * verify stage's second prompt). Each has its own default in `src/llm/prompts/`.
 */
export const OUTPUT_LIMIT_KEYS = [
  "understand",
  "plan",
  "assess",
  "write",
  "verify",
  "rewrite",
] as const;
export type OutputLimitKey = (typeof OUTPUT_LIMIT_KEYS)[number];
export type OutputLimits = Partial<Record<OutputLimitKey, number>>;
const OutputTokens = Count(100_000);
const OutputLimitsFile = z.union([
  OutputTokens,
  z.strictObject(
    Object.fromEntries(OUTPUT_LIMIT_KEYS.map((k) => [k, OutputTokens.optional()])) as Record<
      OutputLimitKey,
      z.ZodOptional<typeof OutputTokens>
    >,
  ),
]);
/** A reply body larger than this is not read: 64 KiB to 256 MiB. */
const ReplyBytes = z.number().int().min(65_536).max(268_435_456);

/** The `llm` object of factually.config.json. Keys are never read from the file. */
export const LlmConfigFile = z.strictObject({
  provider: z.enum(LLM_PROVIDERS).optional(),
  /** Model id, or for `gguf` the path of the .gguf file (relative to the config file). */
  model: z.string().min(1).optional(),
  baseUrl: HttpUrl.optional(),
  maxCalls: Count(10_000).optional(),
  maxTokens: Count(100_000_000).optional(),
  concurrency: Count(64).optional(),
  /** Requests a minute to the model provider, over every process sharing its key. */
  perMinute: Count(1_000_000).optional(),
  timeoutMs: Count(3_600_000).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  /** USD per million tokens, for the cost estimate. */
  price: z.strictObject({ input: z.number().min(0), output: z.number().min(0) }).optional(),
  /** CPU threads for an in-process GGUF model. */
  threads: Count(256).optional(),
  /** Output tokens per call: one number for every stage, or `{ "write": 4000, … }`. */
  maxOutputTokens: OutputLimitsFile.optional(),
  /** The largest reply body read from a model server, in bytes. */
  maxReplyBytes: ReplyBytes.optional(),
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
  /**
   * Requests a minute the provider's quota allows (absent: unlimited): every request, retries
   * included, starts 60 000 / perMinute ms after the one before, across the processes that
   * share a pace (through Redis when the server and its workers use it).
   */
  perMinute?: number;
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
  /** Output tokens a call of each stage may ask for, where they differ from the prompts' defaults. */
  maxOutputTokens?: OutputLimits;
  /** A reply body from a model server larger than this many bytes fails that call unread. */
  maxReplyBytes: number;
}

export const LLM_DEFAULTS = {
  maxCalls: 60,
  maxTokens: 300_000,
  concurrency: 4,
  timeoutMs: 60_000,
  retries: 2,
  stream: false,
  temperature: 0,
  // 4 MiB: a streamed 2,500-token answer (the write stage's limit) is about 0.5 MB of SSE
  // events on the OpenAI wire, so this leaves room for limits eight times larger.
  maxReplyBytes: 4 * 1024 * 1024,
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
  const perMinute = envNumber(env, "FACTUALLY_LLM_PER_MINUTE", Count(1_000_000)) ?? file?.perMinute;
  const outputLimits = outputLimitsFromEnv(env) ?? outputLimitsOf(file?.maxOutputTokens);

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
    ...(perMinute ? { perMinute } : {}),
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
    ...(outputLimits ? { maxOutputTokens: outputLimits } : {}),
    maxReplyBytes:
      envNumber(env, "FACTUALLY_LLM_MAX_REPLY_BYTES", ReplyBytes) ??
      file?.maxReplyBytes ??
      LLM_DEFAULTS.maxReplyBytes,
  };
}

/** `2000` (every stage) or `write=4000,verify=1500` from FACTUALLY_LLM_MAX_OUTPUT_TOKENS. */
function outputLimitsFromEnv(env: Env): OutputLimits | undefined {
  const name = "FACTUALLY_LLM_MAX_OUTPUT_TOKENS";
  const raw = nonEmpty(env[name])?.trim();
  if (raw === undefined) return undefined;
  const invalid = (why: string) =>
    badConfig(
      name,
      `${name}=${JSON.stringify(raw)} is not valid: ${why}; give one number for every stage (e.g. 2000) or stage=tokens pairs (e.g. write=4000,verify=1500), stages being ${OUTPUT_LIMIT_KEYS.join(", ")}`,
    );
  if (/^\d+$/.test(raw)) {
    const all = OutputTokens.safeParse(Number(raw));
    if (!all.success) throw invalid("a limit is a whole number from 1 to 100000");
    return outputLimitsOf(all.data);
  }
  const limits: OutputLimits = {};
  for (const pair of raw.split(",")) {
    const [key = "", value = ""] = pair.split("=").map((x) => x.trim());
    if (!(OUTPUT_LIMIT_KEYS as readonly string[]).includes(key)) {
      throw invalid(`${JSON.stringify(key)} is not a stage`);
    }
    const tokens = OutputTokens.safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN);
    if (!tokens.success)
      throw invalid(`the limit of ${key} is not a whole number from 1 to 100000`);
    limits[key as OutputLimitKey] = tokens.data;
  }
  return limits;
}

function outputLimitsOf(
  value: number | Partial<Record<OutputLimitKey, number | undefined>> | undefined,
): OutputLimits | undefined {
  if (value === undefined) return undefined;
  const entries =
    typeof value === "number"
      ? OUTPUT_LIMIT_KEYS.map((k) => [k, value] as const)
      : Object.entries(value).filter((e): e is [string, number] => e[1] !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as OutputLimits) : undefined;
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
