// A GGUF model file run in-process by node-llama-cpp, as a Vercel AI SDK language model (spec v4),
// for users with a model file and no server (FACTUALLY_LLM_PROVIDER=gguf).
import path from "node:path";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
} from "@ai-sdk/provider";
import { type GenerationPlan, planGeneration } from "./generation-plan.js";
import { abortReason } from "./generation-queue.js";
import { type GenerationOutcome, runGeneration } from "./gguf-generation.js";
import {
  type GgufModelInfo,
  type GgufRuntime,
  type GgufRuntimeOptions,
  loadGgufRuntime,
} from "./gguf-runtime.js";

/** Where the model file is and how to run it. */
export interface GgufModelOptions extends GgufRuntimeOptions {
  /** Sampling seed for calls that give none (only matters with a temperature above 0). */
  seed?: number;
  /** Output token limit for calls that give none; 1024 by default. */
  maxOutputTokens?: number;
}

/** An AI SDK language model backed by a GGUF file, loaded on first use. */
export interface GgufLanguageModel extends LanguageModelV4 {
  /** Loads the model now (a no-op once loaded) and tells what was loaded. */
  load(): Promise<GgufModelInfo>;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

/**
 * A language model that runs `modelPath` in this process on the CPU. Loading waits for the first
 * call; models with the same path and settings share one load; generations on one model run one
 * at a time. JSON output (`Output.object`) is constrained by a grammar built from the schema.
 */
export function createGgufModel(options: GgufModelOptions): GgufLanguageModel {
  const modelId = path.basename(options.modelPath);
  const defaults = {
    seed: options.seed,
    maxOutputTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
  };
  const runtime = (signal: AbortSignal | undefined) =>
    untilAborted(loadGgufRuntime(options), signal);

  return {
    specificationVersion: "v4",
    provider: "gguf",
    modelId,
    supportedUrls: {},

    async load() {
      return (await loadGgufRuntime(options)).info;
    },

    async doGenerate(call: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
      const loaded = await runtime(call.abortSignal);
      const plan = planGeneration(call, defaults);
      const timestamp = new Date();
      const outcome = await runGeneration(loaded, plan, { signal: call.abortSignal });
      return {
        content: [{ type: "text", text: outcome.text }],
        finishReason: outcome.finishReason,
        usage: toUsage(outcome),
        warnings: outcome.warnings,
        ...metadataOf(outcome),
        response: { modelId, timestamp },
      };
    },

    async doStream(call: LanguageModelV4CallOptions) {
      const loaded = await runtime(call.abortSignal);
      const plan = planGeneration(call, defaults);
      return { stream: streamGeneration(loaded, plan, modelId, call.abortSignal) };
    },
  };
}

/**
 * The generation as v4 stream parts. Plain text streams token by token; JSON arrives in one
 * delta at the end, because numbers are brought inside the schema's bounds after generation.
 */
function streamGeneration(
  runtime: GgufRuntime,
  plan: GenerationPlan,
  modelId: string,
  callerSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV4StreamPart> {
  const cancelled = new AbortController();
  const signal = callerSignal
    ? AbortSignal.any([callerSignal, cancelled.signal])
    : cancelled.signal;
  const id = "text-0";
  const streamsText = plan.grammarSchema === undefined;
  let open = true; // false once closed, errored or cancelled: enqueueing then would throw
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      const emit = (part: LanguageModelV4StreamPart) => {
        if (open) controller.enqueue(part);
      };
      runGeneration(runtime, plan, {
        signal,
        onStart(warnings) {
          emit({ type: "stream-start", warnings });
          emit({ type: "response-metadata", modelId, timestamp: new Date() });
          emit({ type: "text-start", id });
        },
        onTextChunk: streamsText ? (delta) => emit({ type: "text-delta", id, delta }) : undefined,
      }).then(
        (outcome) => {
          if (!streamsText && outcome.text) emit({ type: "text-delta", id, delta: outcome.text });
          emit({ type: "text-end", id });
          emit({
            type: "finish",
            finishReason: outcome.finishReason,
            usage: toUsage(outcome),
            ...metadataOf(outcome),
          });
          if (open) controller.close();
          open = false;
        },
        (error: unknown) => {
          if (open) controller.error(error);
          open = false;
        },
      );
    },
    cancel() {
      open = false;
      cancelled.abort();
    },
  });
}

function toUsage(outcome: GenerationOutcome): LanguageModelV4Usage {
  return {
    inputTokens: {
      total: outcome.inputTokens,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: outcome.outputTokens, text: outcome.outputTokens, reasoning: undefined },
  };
}

function metadataOf(outcome: GenerationOutcome): { providerMetadata?: SharedV4ProviderMetadata } {
  if (outcome.clampedNumbers === 0) return {};
  return { providerMetadata: { gguf: { clampedNumbers: outcome.clampedNumbers } } };
}

/** `promise`, or a rejection with the abort reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
