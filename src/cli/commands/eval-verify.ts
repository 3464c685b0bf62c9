// `factually eval scifact-verify`, `check-covid`, `liar-plus`, `averitec`, `climate-fever`: the
// full check on benchmark claims, scored as labels, calibration and evidence recall.
import { resolve } from "node:path";
import { checkStages } from "../../assemble/check-stages.js";
import type { ModelChoice } from "../../assemble/model-choice.js";
import { writeJsonLinesFile } from "../../data/json-lines-file.js";
import { defaultDataDir } from "../../data/verification-data.js";
import { VERIFY_CATALOGUE, type VerifyBenchmarkName } from "../../eval/benchmark-catalogue.js";
import { runVerification, type VerificationResult } from "../../eval/verification.js";
import {
  VERIFY_BENCHMARKS,
  type VerifyBenchmark,
  type VerifyView,
} from "../../eval/verify-benchmarks.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";
import { calibrationTable, confusionTable, type ScoreRow, scoreTable } from "./eval-tables.js";

export interface EvalVerifyOptions {
  benchmark: VerifyBenchmarkName;
  split: string;
  data?: string;
  json: boolean;
  limit?: number;
  /** Write every claim's outcome here as JSON Lines. */
  out?: string;
  /** Offline (the default for evaluations) or the configured model (--llm). */
  model?: ModelChoice;
}

export async function evalVerifyCommand(options: EvalVerifyOptions, io: CliIo): Promise<number> {
  const entry = VERIFY_CATALOGUE[options.benchmark];
  const benchmark = VERIFY_BENCHMARKS[options.benchmark];
  const dir = options.data ? resolve(io.cwd, options.data) : defaultDataDir(entry.folder, io.cwd);
  const set = benchmark.load(dir, options.split);
  const stages = await checkStages(options.model ?? { mode: "offline" });
  const bar = progressBar(io.stderr, options.benchmark);
  const result = await runVerification(set, {
    deps: stages.deps,
    scheme: benchmark.scheme,
    ...(options.limit ? { limit: options.limit } : {}),
    onProgress: (done, total) => bar.update(done, total, `${done}/${total} claims`),
  });
  bar.stop();
  const views = benchmark.views?.(result.outcomes, dir, options.split) ?? [];
  const report = { result, views, benchmark, stages: stages.label, notes: set.notes ?? [] };
  io.stdout.write(`${formatVerification(report)}\n`);
  if (options.out) {
    const path = resolve(io.cwd, options.out);
    writeJsonLinesFile(path, result.outcomes);
    io.stderr.write(`wrote ${result.outcomes.length} claim outcomes to ${path}\n`);
  }
  if (options.json) {
    const line = {
      benchmark: options.benchmark,
      split: options.split,
      stages: stages.label,
      claims: result.claims,
      documents: result.documents,
      metrics: {
        ...result.metrics,
        "claims/s": result.claimsPerSecond,
        ...Object.fromEntries(views.map((v) => [v.key, { claims: v.claims, ...v.metrics }])),
      },
      verdicts: result.verdicts,
      ...(result.fellBack > 0 ? { fell_back: result.fellBack } : {}),
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

export interface VerificationReport {
  result: VerificationResult<string>;
  views: readonly VerifyView[];
  benchmark: VerifyBenchmark;
  /** Which stages ran. */
  stages: string;
  notes: readonly string[];
}

/** The human tables: scores (all claims, then each view), confusion, calibration, mapping. */
export function formatVerification({
  result,
  views,
  benchmark,
  stages,
  notes,
}: VerificationReport): string {
  const f = (x: number) => x.toFixed(3);
  const { scheme } = benchmark;
  const m = result.metrics;
  const extra = ["unverified", "ECE", "evidence recall", "evidence precision"];
  const row = (
    label: string,
    count: number,
    metrics: VerifyView["metrics"],
    speed: string,
  ): ScoreRow => ({
    label,
    count,
    accuracy: metrics.accuracy,
    macro_f1: metrics.macro_f1,
    f1: metrics.f1,
    extra: [
      f(metrics.unverified),
      f(metrics.ece),
      f(metrics.evidence_recall),
      f(metrics.evidence_precision),
      speed,
    ],
  });
  const scores = scoreTable(
    {
      count: "claims",
      labels: scheme.labels,
      ...(scheme.short ? { short: scheme.short } : {}),
      extra: [...extra, "claims/s"],
    },
    [
      row("all claims", result.claims, m, result.claimsPerSecond.toFixed(1)),
      ...views.map((v) => row(v.label, v.claims, v.metrics, "")),
    ],
  );
  const mapping = Object.entries(scheme.fromVerdict)
    .filter(([label]) => (result.verdicts[label] ?? 0) > 0)
    .map(([label, gold]) => `${label} ${result.verdicts[label]} → ${gold}`)
    .join(", ");
  return [
    `${result.set} over ${result.documents.toLocaleString("en")} ${benchmark.documentNoun}, open retrieval, ${stages}`,
    "",
    scores,
    "",
    confusionTable(scheme.labels, m.confusion, scheme.short),
    "",
    `Calibration of the verdict's confidence (all claims), ECE ${f(m.ece)}:`,
    calibrationTable(m.calibration),
    "",
    `Verdicts: ${mapping}`,
    ...(result.fellBack > 0
      ? [`${result.fellBack} checks fell back to an offline stage somewhere`]
      : []),
    ...[...notes, ...views.flatMap((v) => (v.note ? [v.note] : []))].map((n) => `Note: ${n}`),
  ].join("\n");
}
