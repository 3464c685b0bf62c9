// What a sentence-embedding model offers the rest of Factually: texts in, unit vectors out.

/** A sentence-embedding model (loaded once, then shared). */
export interface Embedder {
  /** Model name and version, e.g. `use-lite@0.2.0`: recorded beside any figure it produced. */
  readonly id: string;
  /** One unit-length vector per text, in order (the zero vector for an empty text). */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Cosine similarity of two vectors of the same length (0 when either is the zero vector). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) {
    throw new RangeError(`cosine of vectors of different lengths (${a.length} and ${b.length})`);
  }
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (aa === 0 || bb === 0) return 0;
  return dot / Math.sqrt(aa * bb);
}

/** `vector` scaled to length 1 (a zero vector stays zero). */
export function unitNormalize(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (const x of out) sum += x * x;
  if (sum === 0) return out;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * scale;
  return out;
}
