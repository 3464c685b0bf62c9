// `factually eval scifact-verify` and `eval check-covid`: the full offline check on benchmark
// claims, scored as claim-level labels and evidence recall.
import { resolve } from "node:path";
import { offlineCheckDependencies } from "../../assemble/offline-check.js";
import {
  runVerification,
  VERDICT_TO_GOLD,
  type VerificationResult,
} from "../../eval/verification.js";
import {
  defaultDataDir,
  GOLD_LABELS,
  loadCheckCovid,
  loadScifactVerification,
} from "../../eval/verification-data.js";
import { formatTable } from "../../text/table.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";

export interface EvalVerifyOptions {
  benchmark: "scifact-verify" | "check-covid";
  split: string;
  data?: string;
  json: boolean;
  limit?: number;
}

export async function evalVerifyCommand(options: EvalVerifyOptions, io: CliIo): Promise<number> {
  const folder = options.benchmark === "scifact-verify" ? "scifact" : "check-covid";
  const dir = options.data ? resolve(io.cwd, options.data) : defaultDataDir(folder, io.cwd);
  const set =
    options.benchmark === "scifact-verify"
      ? loadScifactVerification(dir, options.split as "dev" | "train")
      : loadCheckCovid(dir, options.split as "test" | "dev" | "train");
  const bar = progressBar(io.stderr, options.benchmark);
  const result = await runVerification(set, {
    deps: (store) => offlineCheckDependencies(store),
    ...(options.limit ? { limit: options.limit } : {}),
    onProgress: (done, total) => bar.update(done, total, `${done}/${total} claims`),
  });
  bar.stop();
  io.stdout.write(`${formatVerification(result)}\n`);
  if (options.json) {
    const line = {
      benchmark: options.benchmark,
      split: options.split,
      claims: result.claims,
      documents: result.documents,
      metrics: { ...result.metrics, "claims/s": result.claimsPerSecond },
      verdicts: result.verdicts,
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

/** The human tables: the scores, the confusion matrix, and how verdicts were mapped. */
export function formatVerification(result: VerificationResult): string {
  const f = (x: number) => x.toFixed(3);
  const m = result.metrics;
  const scores = formatTable([
    [
      "claims",
      "accuracy",
      "macro-F1",
      "F1 SUPPORT",
      "F1 REFUTE",
      "F1 NEI",
      "evidence recall",
      "evidence precision",
      "claims/s",
    ],
    [
      String(result.claims),
      f(m.accuracy),
      f(m.macro_f1),
      f(m.f1.SUPPORT),
      f(m.f1.REFUTE),
      f(m.f1.NEI),
      f(m.evidence_recall),
      f(m.evidence_precision),
      result.claimsPerSecond.toFixed(1),
    ],
  ]);
  const confusion = formatTable([
    ["gold \\ predicted", ...GOLD_LABELS],
    ...GOLD_LABELS.map((g, i) => [g, ...(m.confusion[i] ?? []).map(String)]),
  ]);
  const mapping = Object.entries(VERDICT_TO_GOLD)
    .filter(([label]) => (result.verdicts[label] ?? 0) > 0)
    .map(([label, gold]) => `${label} ${result.verdicts[label]} → ${gold}`)
    .join(", ");
  return [
    `${result.set} over ${result.documents.toLocaleString("en")} abstracts, open retrieval, offline stages`,
    "",
    scores,
    "",
    confusion,
    "",
    `Verdicts: ${mapping}`,
  ].join("\n");
}
