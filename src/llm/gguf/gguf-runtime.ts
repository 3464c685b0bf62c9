// Loads a GGUF model in-process with node-llama-cpp, once per path and settings, and disposes it.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Llama, LlamaChat, LlamaContext, LlamaModel } from "node-llama-cpp";
import { FactuallyError, messageOf } from "../../core/errors.js";
import { GenerationQueue } from "./generation-queue.js";
import { badModelFile, checkGgufFile } from "./gguf-file.js";

/** Where and how to load a model. */
export interface GgufRuntimeOptions {
  modelPath: string;
  /** CPU threads for evaluation; defaults by model size (see `defaultThreadCount`). */
  threads?: number;
  /** Context window in tokens; defaults to the model's training context, at most 8192. */
  contextSize?: number;
}

/** Facts about a loaded model, for logs and reports. */
export interface GgufModelInfo {
  /** Absolute path of the model file. */
  modelPath: string;
  threads: number;
  /** The context window llama.cpp allocated, in tokens. */
  contextSize: number;
  /** The context window the model was trained with, in tokens. */
  trainContextSize: number;
  /** Milliseconds from the first call to a ready context (this load only). */
  loadMs: number;
}

/** A loaded model with one context sequence and the queue that serialises its generations. */
export interface GgufRuntime {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly chat: LlamaChat;
  readonly queue: GenerationQueue;
  readonly info: GgufModelInfo;
}

/** Keeps a large default context from reserving gigabytes of KV cache for a 128k-token model. */
const DEFAULT_MAX_CONTEXT = 8192;

/**
 * Below this file size one thread decodes faster than two on a 2-core machine: measured with
 * node-llama-cpp 3.22 (CPU), F16 random-weight llama models, 1 vs 2 threads — 3.5 MB: 1992 vs 78
 * tok/s; 184 MB: 170 vs 20–50; 440 MB: 70 vs 25 (prompt 250 vs 440 tok/s); 1.1 GB: 29 vs 29
 * (prompt 100 vs 197 tok/s). Larger models gain from every core on long prompts.
 */
const SMALL_MODEL_BYTES = 512 * 1024 * 1024;

/** The thread count used when none is configured: 1 for small models, else every math core. */
export function defaultThreadCount(modelBytes: number, cores: number): number {
  if (modelBytes < SMALL_MODEL_BYTES) return 1;
  return Math.max(1, cores);
}

let llamaLoad: Promise<Llama> | undefined;
const modelLoads = new Map<string, Promise<LlamaModel>>();
const runtimeLoads = new Map<string, Promise<GgufRuntime>>();

/**
 * The runtime for `options`, loading it on first use. Concurrent callers share one load; a
 * failed load is forgotten so that the next call tries again.
 */
export function loadGgufRuntime(options: GgufRuntimeOptions): Promise<GgufRuntime> {
  const modelPath = path.resolve(options.modelPath);
  const key = `${modelPath}\0${options.threads ?? "auto"}\0${options.contextSize ?? "auto"}`;
  let load = runtimeLoads.get(key);
  if (!load) {
    load = createRuntime({ ...options, modelPath });
    runtimeLoads.set(key, load);
    load.catch(() => runtimeLoads.delete(key));
  }
  return load;
}

async function createRuntime(options: GgufRuntimeOptions): Promise<GgufRuntime> {
  const started = performance.now();
  const { modelPath } = options;
  const modelBytes = await checkGgufFile(modelPath);
  const llama = await getSharedLlama();
  const model = await loadSharedModel(llama, modelPath);
  const cores = Math.min(availableParallelism(), llama.cpuMathCores);
  const threads = options.threads ?? defaultThreadCount(modelBytes, cores);
  const context: LlamaContext = await model
    .createContext({ contextSize: options.contextSize ?? { max: DEFAULT_MAX_CONTEXT }, threads })
    .catch((error: unknown) => {
      const reason = messageOf(error);
      throw new FactuallyError(
        "BAD_CONFIG",
        `could not create a ${options.contextSize ?? "default"}-token context for ${modelPath} (${reason}); ` +
          "use a smaller context size or a smaller model",
        { target: modelPath, cause: error },
      );
    });
  const { LlamaChat } = await import("node-llama-cpp");
  const chat = new LlamaChat({ contextSequence: context.getSequence(), autoDisposeSequence: true });
  const info: GgufModelInfo = {
    modelPath,
    threads,
    contextSize: context.contextSize,
    trainContextSize: model.trainContextSize,
    loadMs: Math.round(performance.now() - started),
  };
  return { llama, model, chat, queue: new GenerationQueue(), info };
}

function getSharedLlama(): Promise<Llama> {
  llamaLoad ??= (async () => {
    const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
    // Never download or compile: the prebuilt CPU binary ships in the npm package. llama.cpp
    // logs only errors, to stderr, so that --json output on stdout stays clean.
    try {
      return await getLlama({
        gpu: false,
        build: "never",
        skipDownload: true,
        progressLogs: false,
        logLevel: LlamaLogLevel.error,
        logger: (_level, message) => process.stderr.write(`[llama.cpp] ${message.trimEnd()}\n`),
      });
    } catch (error) {
      const reason = messageOf(error);
      throw new FactuallyError(
        "BAD_CONFIG",
        `the gguf provider could not start llama.cpp (${reason}); node-llama-cpp ships prebuilt CPU ` +
          "binaries for Linux, macOS and Windows on x64 and arm64 — reinstall it, or choose another FACTUALLY_LLM_PROVIDER",
        { cause: error },
      );
    }
  })();
  llamaLoad.catch(() => {
    llamaLoad = undefined;
  });
  return llamaLoad;
}

function loadSharedModel(llama: Llama, modelPath: string): Promise<LlamaModel> {
  let load = modelLoads.get(modelPath);
  if (!load) {
    load = llama.loadModel({ modelPath }).catch((error: unknown) => {
      modelLoads.delete(modelPath);
      const reason = messageOf(error);
      throw badModelFile(modelPath, `llama.cpp could not load it (${reason})`, error);
    });
    modelLoads.set(modelPath, load);
  }
  return load;
}

/** Frees every loaded context, model and the llama.cpp backend (for tests and process exit). */
export async function disposeGgufModels(): Promise<void> {
  const runtimes = [...runtimeLoads.values()];
  const models = [...modelLoads.values()];
  const llama = llamaLoad;
  runtimeLoads.clear();
  modelLoads.clear();
  llamaLoad = undefined;
  for (const result of await Promise.allSettled(runtimes)) {
    if (result.status === "fulfilled") await result.value.chat.context.dispose();
  }
  for (const result of await Promise.allSettled(models)) {
    if (result.status === "fulfilled") await result.value.dispose();
  }
  const loaded = await llama?.catch(() => undefined);
  await loaded?.dispose();
}
