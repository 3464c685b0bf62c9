import { describe, expect, it } from "vitest";
import type { Embedder } from "./embedder.js";
import { memoizeEmbedder } from "./memo-embedder.js";

function recordingEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: "fake",
    calls,
    async embed(texts) {
      calls.push(texts);
      return texts.map((t) => Float32Array.from([t.length, 1]));
    },
  };
}

describe("memoizeEmbedder", () => {
  it("asks the model once per distinct text and answers repeats from the cache", async () => {
    const model = recordingEmbedder();
    const memo = memoizeEmbedder(model);
    const first = await memo.embed(["ab", "abc", "ab"]);
    const second = await memo.embed(["abc", "abcd"]);
    expect(model.calls).toEqual([["ab", "abc"], ["abcd"]]);
    expect(first.map((v) => v[0])).toEqual([2, 3, 2]);
    expect(second.map((v) => v[0])).toEqual([3, 4]);
    expect(memo.usage.texts).toBe(3);
  });

  it("shares a cache passed in, so a second wrapper does not re-embed", async () => {
    const model = recordingEmbedder();
    const cache = new Map<string, Float32Array>();
    await memoizeEmbedder(model, cache).embed(["x"]);
    await memoizeEmbedder(model, cache).embed(["x"]);
    expect(model.calls).toEqual([["x"]]);
  });
});
