// Embeddings kept on disk between runs of an evaluation, so a rerun does not re-embed.
// Layout: u32 header length, JSON header {model, dim}, then per entry u32 text length, UTF-8
// text, dim float32 values (little-endian).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { FactuallyError } from "../core/errors.js";

/** Reads a cache written by `writeEmbeddingCache` for `model` (empty when the file is absent). */
export function readEmbeddingCache(path: string, model: string): Map<string, Float32Array> {
  const cache = new Map<string, Float32Array>();
  if (!existsSync(path)) return cache;
  const buf = readFileSync(path);
  let at = 0;
  const headerLength = buf.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(buf.toString("utf8", at, at + headerLength)) as {
    model?: unknown;
    dim?: unknown;
  };
  at += headerLength;
  if (header.model !== model || typeof header.dim !== "number") {
    throw new FactuallyError(
      "BAD_INPUT",
      `${path} holds embeddings of ${String(header.model)}, not ${model}; delete it or pass another --cache`,
      { target: path },
    );
  }
  const dim = header.dim;
  while (at < buf.length) {
    const textLength = buf.readUInt32LE(at);
    at += 4;
    const text = buf.toString("utf8", at, at + textLength);
    at += textLength;
    const vector = new Float32Array(dim);
    for (let i = 0; i < dim; i++) vector[i] = buf.readFloatLE(at + 4 * i);
    at += 4 * dim;
    cache.set(text, vector);
  }
  return cache;
}

/** Writes every entry of `cache` (all vectors must have the same length). */
export function writeEmbeddingCache(
  path: string,
  model: string,
  cache: ReadonlyMap<string, Float32Array>,
): void {
  const dim = cache.values().next().value?.length ?? 0;
  const header = Buffer.from(JSON.stringify({ model, dim }), "utf8");
  const parts: Buffer[] = [u32(header.length), header];
  for (const [text, vector] of cache) {
    if (vector.length !== dim) continue;
    const bytes = Buffer.from(text, "utf8");
    parts.push(u32(bytes.length), bytes, Buffer.from(vector.buffer, vector.byteOffset, 4 * dim));
  }
  writeFileSync(path, Buffer.concat(parts));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
