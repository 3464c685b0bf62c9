// `factually eval healthver` and `eval wice`: the pipeline's assessor on (claim, evidence)
// pairs, no retrieval, scored as labels per class with the confusion matrix.
import { resolve } from "node:path";
import { checkStages, withAssessor } from "../../assemble/check-stages.js";
import type { ModelChoice } from "../../assemble/model-choice.js";
import { writeJsonLinesFile } from "../../data/json-lines-file.js";
import { defaultDataDir } from "../../data/verification-data.js";
import { PAIR_CATALOGUE, type PairBenchmarkName } from "../../eval/benchmark-catalogue.js";
import { PAIR_BENCHMARKS, type PairBenchmark, type PairView } from "../../eval/pair-benchmarks.js";
import { type PairRunResult, runStancePairs } from "../../eval/stance-pairs.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";
import { formatTable } from "../terminal-table.js";
import { confusionTable, scoreTable } from "./eval-tables.js";

export interface EvalPairsOptions {
  benchmark: PairBenchmarkName;
  split: string;
  data?: string;
  json: boolean;
  limit?: number;
  /** Write every pair's outcome here as JSON Lines. */
  out?: string;
  /** Offline (the default for evaluations) or the configured model (--llm). */
  model?: ModelChoice;
}

export async function evalPairsCommand(options: EvalPairsOptions, io: CliIo): Promise<number> {
  const entry = PAIR_CATALOGUE[options.benchmark];
  const benchmark = PAIR_BENCHMARKS[options.benchmark];
  const dir = options.data ? resolve(io.cwd, options.data) : defaultDataDir(entry.folder, io.cwd);
  const set = benchmark.load(dir, options.split);
  const stages = await checkStages(options.model ?? { mode: "offline" });
  return withAssessor(stages, async (assessor) => {
    const bar = progressBar(io.stderr, options.benchmark);
    const result = await runStancePairs(set, {
      assessor,
      scheme: benchmark.scheme,
      ...(options.limit ? { limit: options.limit } : {}),
      onProgress: (done, total) => bar.update(done, total, `${done}/${total} pairs`),
    });
    bar.stop();
    const views = benchmark.views?.(result.outcomes) ?? [];
    const notes = set.notes ?? [];
    io.stdout.write(`${formatPairs({ result, views, benchmark, assessor: assessor.id, notes })}\n`);
    if (options.out) {
      const path = resolve(io.cwd, options.out);
      writeJsonLinesFile(path, result.outcomes);
      io.stderr.write(`wrote ${result.outcomes.length} pair outcomes to ${path}\n`);
    }
    if (options.json) {
      const line = {
        benchmark: options.benchmark,
        split: options.split,
        stages: stages.label,
        pairs: result.pairs,
        metrics: {
          ...result.metrics,
          "pairs/s": result.pairsPerSecond,
          ...Object.fromEntries(views.map((v) => [v.key, { count: v.count, ...v.metrics }])),
        },
        stances: result.stances,
        ...(result.fellBack > 0 ? { fell_back: result.fellBack } : {}),
      };
      io.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  });
}

export interface PairReport {
  result: PairRunResult<string>;
  views: readonly PairView[];
  benchmark: PairBenchmark;
  /** The assessor's id. */
  assessor: string;
  notes: readonly string[];
}

/** The human tables: scores (then each view), per-class figures, confusion, stance mapping. */
export function formatPairs({ result, views, benchmark, assessor, notes }: PairReport): string {
  const f = (x: number) => x.toFixed(3);
  const { scheme } = benchmark;
  const m = result.metrics;
  const labels = [...scheme.labels, ...views.flatMap((v) => v.labels)].filter(
    (l, i, all) => all.indexOf(l) === i,
  );
  const scores = scoreTable(
    {
      count: "pairs",
      labels,
      ...(scheme.short ? { short: scheme.short } : {}),
      extra: ["pairs/s"],
    },
    [
      { label: "all pairs", count: result.pairs, ...m, extra: [result.pairsPerSecond.toFixed(1)] },
      ...views.map((v) => ({ label: v.label, count: v.count, ...v.metrics, extra: [""] })),
    ],
  );
  const perClass = formatTable([
    ["label", "precision", "recall", "F1"],
    ...scheme.labels.map((l) => [l, f(m.precision[l] ?? 0), f(m.recall[l] ?? 0), f(m.f1[l] ?? 0)]),
  ]);
  const mapping = Object.entries(scheme.fromStance)
    .filter(([stance]) => (result.stances[stance as keyof typeof result.stances] ?? 0) > 0)
    .map(
      ([stance, label]) =>
        `${stance} ${result.stances[stance as keyof typeof result.stances]} → ${label}`,
    )
    .join(", ");
  return [
    `${result.set}: the assessor ${assessor} on each (claim, evidence) pair, no retrieval`,
    "",
    scores,
    "",
    perClass,
    "",
    confusionTable(scheme.labels, m.confusion, scheme.short),
    "",
    `Stances: ${mapping}`,
    ...(result.fellBack > 0 ? [`${result.fellBack} pairs fell back to the offline assessor`] : []),
    ...[...notes, ...views.flatMap((v) => (v.note ? [v.note] : []))].map((n) => `Note: ${n}`),
  ].join("\n");
}
