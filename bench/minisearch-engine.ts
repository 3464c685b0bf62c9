// The peer: MiniSearch, an in-memory JavaScript full-text index, set up like a plain site search.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import MiniSearch from "minisearch";
import { type BenchDocument, type BenchEngine, RESULT_LIMIT } from "./bench-engine.ts";

/** An empty MiniSearch index over title and text, title counting double, no prefix or fuzzy. */
export function openMiniSearchEngine(): BenchEngine {
  const index = new MiniSearch<BenchDocument>({
    fields: ["title", "text"],
    idField: "id",
    searchOptions: { boost: { title: 2 }, prefix: false, fuzzy: false, combineWith: "OR" },
  });
  return {
    label: `MiniSearch ${miniSearchVersion()}`,
    async ingest(batch) {
      index.addAll(batch);
    },
    async search(query) {
      // MiniSearch scores and sorts every match; taking the top 10 is the caller's job.
      return index.search(query).slice(0, RESULT_LIMIT).length;
    },
    async counts() {
      return { documents: index.documentCount };
    },
    diskBytes: () => undefined,
    async close() {},
  };
}

/** The installed version, read from its package.json (which the package does not export). */
function miniSearchVersion(): string {
  const entry = createRequire(import.meta.url).resolve("minisearch");
  // entry is <package>/dist/cjs/index.cjs
  const manifest = join(dirname(entry), "..", "..", "package.json");
  const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
  const version = (parsed as { version?: unknown }).version;
  return typeof version === "string" ? version : "(unknown version)";
}
