// The whole benchmark report: machine, settings, results, ratios, and the --json line.
import { cpus, totalmem } from "node:os";
import type { RunOutcome } from "./bench-result.ts";
import type { BenchOptions } from "./options.ts";
import {
  type CorpusRatios,
  computeRatios,
  formatBytes,
  formatRatios,
  formatResults,
} from "./table.ts";

export interface MachineInfo {
  node: string;
  platform: string;
  cpuModel: string;
  cpus: number;
  totalMemoryBytes: number;
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    cpus: cores.length,
    totalMemoryBytes: totalmem(),
  };
}

export interface BenchReport {
  startedAt: string;
  machine: MachineInfo;
  options: BenchOptions;
  warmupQueries: number;
  /** What the corpora are and anything skipped, one sentence each. */
  notes: string[];
  outcomes: RunOutcome[];
}

/** The report as plain text for a terminal. */
export function formatReport(report: BenchReport): string {
  const { machine, options } = report;
  const ratios = computeRatios(report.outcomes);
  return [
    `Factually speed benchmark, ${report.startedAt}`,
    `machine: Node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}, ` +
      `${formatBytes(machine.totalMemoryBytes)} RAM`,
    `settings: ingest in batches of ${options.batchSize} documents; top 10 results per query; ` +
      `${report.warmupQueries} warm-up queries not counted; seed ${options.seed}; each engine × ` +
      `corpus in its own process with ${options.timeoutSeconds} s and a ${options.maxOldSpaceMb} MB heap cap`,
    ...report.notes.map((note) => `- ${note}`),
    "",
    formatResults(report.outcomes),
    "",
    ratios.length > 0
      ? `factually compared with MiniSearch (same corpus, same queries):\n${formatRatios(ratios)}`
      : "No comparison: MiniSearch was not run.",
  ].join("\n");
}

/** The single line `--json` ends stdout with. */
export function reportJson(report: BenchReport): string {
  const ratios: CorpusRatios[] = computeRatios(report.outcomes);
  return JSON.stringify({
    benchmark: "speed",
    startedAt: report.startedAt,
    machine: report.machine,
    settings: { ...report.options, warmupQueries: report.warmupQueries },
    notes: report.notes,
    runs: report.outcomes,
    ratios: {
      definition:
        "factually ÷ MiniSearch per metric; index: factually on disk ÷ MiniSearch heap growth",
      corpora: ratios,
    },
  });
}
