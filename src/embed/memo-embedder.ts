// Embeds each distinct text once, and counts what the model itself was asked to do.
import type { Embedder } from "./embedder.js";

export interface EmbedderUsage {
  /** Texts the model embedded (cache misses). */
  texts: number;
  /** Wall-clock milliseconds spent in the model. */
  ms: number;
}

export interface MemoEmbedder extends Embedder {
  readonly usage: EmbedderUsage;
}

/** Wraps `embedder` with a cache keyed by text (pass a Map to share or persist it). */
export function memoizeEmbedder(
  embedder: Embedder,
  cache: Map<string, Float32Array> = new Map(),
): MemoEmbedder {
  const usage: EmbedderUsage = { texts: 0, ms: 0 };
  return {
    id: embedder.id,
    usage,
    async embed(texts, signal) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      if (missing.length > 0) {
        const started = performance.now();
        const vectors = await embedder.embed(missing, signal);
        usage.ms += performance.now() - started;
        usage.texts += missing.length;
        missing.forEach((t, i) => {
          const v = vectors[i];
          if (v) cache.set(t, v);
        });
      }
      return texts.map((t) => {
        const v = cache.get(t);
        if (!v) throw new Error(`the embedder returned no vector for a text of ${t.length} chars`);
        return v;
      });
    },
  };
}
