import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readEmbeddingCache, writeEmbeddingCache } from "./embedding-cache-file.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "factually-embed-"));
  dirs.push(dir);
  return join(dir, "cache.bin");
}

describe("embedding cache file", () => {
  it("reads back what was written, texts with any characters included", () => {
    const path = tempFile();
    const cache = new Map([
      ["Vitamin D — 25(OH)D levels", Float32Array.from([0.5, -0.25, 1])],
      ["β-blockers", Float32Array.from([0, 1, 0])],
    ]);
    writeEmbeddingCache(path, "m@1", cache);
    expect(readEmbeddingCache(path, "m@1")).toEqual(cache);
  });

  it("is empty when the file does not exist yet", () => {
    expect(readEmbeddingCache(tempFile(), "m@1").size).toBe(0);
  });

  it("refuses a file written for another model", () => {
    const path = tempFile();
    writeEmbeddingCache(path, "m@1", new Map([["x", Float32Array.from([1])]]));
    expect(() => readEmbeddingCache(path, "m@2")).toThrow(/holds embeddings of m@1/);
  });
});
