// `node training/embedding-selection-cli.ts [--split train|dev] [--data DIR] [--cache FILE]`:
// prints the embedding-selection figures as tables, then one JSON line.
import { parseArgs } from "node:util";
import { formatTable } from "../dist/cli/terminal-table.js";
import { isFactuallyError, messageOf } from "../dist/core/errors.js";
import { defaultScifactDir } from "../dist/data/scifact-data.js";
import { readEmbeddingCache, writeEmbeddingCache } from "../dist/embed/embedding-cache-file.js";
import { memoizeEmbedder } from "../dist/embed/memo-embedder.js";
import { loadUseLiteEmbedder } from "../dist/embed/use-lite.js";
import { type EmbeddingSelectionResult, runEmbeddingSelection } from "./embedding-selection.ts";
import { RANKERS } from "./embedding-selection-rank.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      split: { type: "string", default: "dev" },
      data: { type: "string" },
      cache: { type: "string" },
      "tune-claims": { type: "string", default: "200" },
    },
  });
  const split = values.split;
  if (split !== "dev" && split !== "train") throw new Error("--split must be train or dev");
  const tuneClaims = Number(values["tune-claims"]);
  if (!Number.isInteger(tuneClaims) || tuneClaims < 1) throw new Error("--tune-claims must be ≥ 1");

  const started = performance.now();
  const model = await loadUseLiteEmbedder();
  const loadMs = performance.now() - started;
  const cache = values.cache ? readEmbeddingCache(values.cache, model.id) : new Map();
  const log = (m: string) => process.stderr.write(`${m}\n`);
  log(`${model.id} loaded in ${Math.round(loadMs)} ms (${cache.size} cached embeddings)`);
  try {
    const result = await runEmbeddingSelection({
      dataDir: values.data ?? defaultScifactDir(),
      split,
      sentences: memoizeEmbedder(model, cache),
      documents: memoizeEmbedder(model, cache),
      tuneClaims,
      onProgress: log,
    });
    process.stdout.write(`${report(result, loadMs)}\n`);
    process.stdout.write(`${JSON.stringify({ ...result, loadMs: Math.round(loadMs) })}\n`);
  } finally {
    if (values.cache) writeEmbeddingCache(values.cache, model.id, cache);
  }
}

function report(r: EmbeddingSelectionResult, loadMs: number): string {
  const f = (x: number) => x.toFixed(3);
  const label = (ranker: string, w: number) =>
    ranker === "linear" ? `linear (w=${w.toFixed(1)})` : ranker === "rrf" ? "RRF (k=60)" : ranker;
  const gold = formatTable([
    ["ranker", "R@1", "R@3", "R@5", "MRR"],
    ...RANKERS.map((k) => {
      const m = r.gold.metrics[k];
      return [
        label(k, r.weights.sentence),
        f(m["recall@1"]),
        f(m["recall@3"]),
        f(m["recall@5"]),
        f(m.mrr),
      ];
    }),
  ]);
  const open = formatTable([
    ["ranker", "R@5", "R@10", "MRR"],
    ...RANKERS.map((k) => {
      const m = r.open.metrics[k];
      return [label(k, r.weights.sentence), f(m["recall@5"]), f(m["recall@10"]), f(m.mrr)];
    }),
  ]);
  const docs = formatTable([
    ["ranker", "nDCG@10", "R@10", "MRR@10"],
    ...RANKERS.map((k) => {
      const m = r.documents.metrics[k];
      return [label(k, r.weights.document), f(m["ndcg@10"]), f(m["recall@10"]), f(m["mrr@10"])];
    }),
  ]);
  return [
    `SciFact ${r.split}; weights chosen on the first ${r.weights.tunedOnTrainClaims} train claims (embedding share: sentences ${r.weights.sentence}, documents ${r.weights.document})`,
    "",
    `(a) sentences of the gold evidence abstracts: ${r.gold.claims} claims, ${r.gold.candidates} sentences`,
    gold,
    "",
    `(b) sentences of the top 10 retrieved abstracts: ${r.open.claims} claims, ${r.open.candidates} sentences, ${f(r.open.reachable)} of gold sentences reachable`,
    open,
    "",
    `document reranking of the top 100 (title+abstract): ${r.documents.claims} claims`,
    docs,
    "",
    `cost: model load ${Math.round(loadMs)} ms; ${r.cost.msPerSentence.toFixed(1)} ms per sentence (${r.cost.sentencesEmbedded} embedded), ${r.cost.msPerDoc.toFixed(1)} ms per title+abstract (${r.cost.docsEmbedded} embedded)`,
  ].join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${messageOf(error)}\n`);
  process.exitCode = isFactuallyError(error) && error.isUserError ? 2 : 1;
});
