// `factually eval scifact-retrieval`: the retrieval benchmark, as a table and a JSON line.
import { resolve } from "node:path";
import { defaultScifactDir } from "../../data/scifact-data.js";
import { runScifactRetrieval, type ScifactRetrievalResult } from "../../eval/scifact-retrieval.js";
import type { CliIo } from "../io.js";
import { formatTable } from "../terminal-table.js";

export interface EvalCommandOptions {
  data?: string;
  json: boolean;
  split: "test" | "train";
  ablation: boolean;
  /** A PostgreSQL URL to index into (a throwaway schema) instead of a temporary SQLite file. */
  database?: string;
}

/** Published BM25 figures on the same 300 BEIR test claims, printed beside ours. */
export const SCIFACT_ANCHORS = [
  { label: "BM25 in BEIR (Thakur et al. 2021)", ndcg10: 0.665, recall100: undefined },
  { label: "Anserini BM25 flat", ndcg10: 0.679, recall100: 0.925 },
] as const;

export async function evalScifactRetrieval(
  options: EvalCommandOptions,
  io: CliIo,
): Promise<number> {
  const dataDir = options.data ? resolve(io.cwd, options.data) : defaultScifactDir(io.cwd);
  const result = await runScifactRetrieval({
    dataDir,
    split: options.split,
    ablation: options.ablation,
    ...(options.database ? { database: options.database } : {}),
    onProgress: (message) => io.stderr.write(`${message}\n`),
  });
  io.stdout.write(`${formatEvalReport(result)}\n`);
  if (options.json) {
    const line = {
      benchmark: "scifact-retrieval",
      split: options.split,
      claims: result.queries,
      documents: result.documents,
      metrics: {
        ...result.main.metrics,
        "queries/s": result.main.queriesPerSecond,
        "index seconds": result.indexSeconds,
      },
      ...(options.ablation
        ? { ablation: result.runs.map((r) => ({ label: r.label, metrics: r.metrics })) }
        : {}),
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

/** The human table: each run (the ablation steps, or the default alone), then the anchors. */
export function formatEvalReport(result: ScifactRetrievalResult): string {
  const f = (x: number) => x.toFixed(3);
  const rows = result.runs.map((run) => [
    run.label,
    f(run.metrics["ndcg@10"]),
    f(run.metrics["recall@10"]),
    f(run.metrics["recall@100"]),
    f(run.metrics["mrr@10"]),
    run.queriesPerSecond.toFixed(0),
  ]);
  // The published figures are on the test claims; beside a train run they would mislead.
  const anchors = (result.split === "test" ? SCIFACT_ANCHORS : []).map((a) => [
    `(published) ${a.label}`,
    f(a.ndcg10),
    "—",
    a.recall100 === undefined ? "—" : f(a.recall100),
    "—",
    "—",
  ]);
  const header = ["SciFact retrieval", "nDCG@10", "R@10", "R@100", "MRR@10", "claims/s"];
  return [
    `${result.set}: ${result.queries} claims over ${result.documents.toLocaleString("en")} abstracts ` +
      `(${result.passages.toLocaleString("en")} passages, indexed in ${result.indexSeconds.toFixed(1)} s)`,
    "",
    formatTable([header, ...rows, ...anchors]),
  ].join("\n");
}
