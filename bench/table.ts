// Plain-text tables of the results and of the ours ÷ MiniSearch ratios.
import { formatTable } from "../dist/cli/terminal-table.js";
import { engineDisplayName } from "./bench-engine.ts";
import type { BenchMeasurement, IngestMeasurement, RunOutcome } from "./bench-result.ts";
import type { LatencySummary } from "./stats.ts";

export { formatTable };

const RESULT_HEADER = [
  "corpus",
  "engine",
  "docs",
  "passages",
  "ingest s",
  "docs/s",
  "passages/s",
  "index on disk",
  "heap growth",
  "p50 ms",
  "p95 ms",
  "mean ms",
  "peak RSS",
  "status",
];

/**
 * One row per engine × corpus. A run that did not finish shows why in the status column, with
 * what it measured before that: ingest figures, and latencies over the queries timed so far.
 */
export function formatResults(outcomes: readonly RunOutcome[]): string {
  const rows = outcomes.map((outcome) => {
    if (outcome.status === "ok") {
      const m = outcome.measurement;
      return resultRow(m.corpus, m.engine, m, m.query, formatBytes(m.peakRssBytes), "ok");
    }
    const { corpus, engine, ingest, partialQuery, reason, lastProgress } = outcome;
    const status =
      partialQuery === undefined
        ? reason
        : `${reason}; latencies over ${partialQuery.count} queries`;
    // The worker's peak until its last report: the real peak was at least that.
    const peak = lastProgress ? `≥${formatBytes(lastProgress.peakRssBytes)}` : "—";
    return resultRow(corpus, engine, ingest, partialQuery, peak, status);
  });
  return formatTable([RESULT_HEADER, ...rows]);
}

function resultRow(
  corpus: string,
  engine: BenchMeasurement["engine"],
  ingest: IngestMeasurement | undefined,
  query: LatencySummary | undefined,
  peakRss: string,
  status: string,
): string[] {
  const or = <T>(value: T | undefined, format: (value: T) => string) =>
    value === undefined ? "—" : format(value);
  return [
    corpus,
    engineDisplayName(engine),
    or(ingest?.documents, formatCount),
    or(ingest?.passages, formatCount),
    or(ingest?.ingestSeconds, (s) => s.toFixed(1)),
    or(ingest?.docsPerSecond, (n) => formatCount(Math.round(n))),
    or(ingest?.passagesPerSecond, (n) => formatCount(Math.round(n))),
    or(ingest?.diskBytes, formatBytes),
    or(ingest?.heapGrowthBytes, formatBytes),
    or(query?.p50, formatMs),
    or(query?.p95, formatMs),
    or(query?.mean, formatMs),
    peakRss,
    status,
  ];
}

/** Ours compared with MiniSearch on one corpus, as "ours ÷ MiniSearch" factors. */
export interface CorpusRatios {
  corpus: string;
  /** Missing when either engine did not finish; `note` says why. */
  ingestDocsPerSecond?: number;
  queryP50?: number;
  queryP95?: number;
  queryMean?: number;
  peakRss?: number;
  /** Our index on disk ÷ MiniSearch's heap growth: the memory each needs to hold its index. */
  indexBytes?: number;
  note?: string;
}

/** Ratios for every corpus on which both engines were run. */
export function computeRatios(outcomes: readonly RunOutcome[]): CorpusRatios[] {
  const corpora = [...new Set(outcomes.map(corpusOf))];
  const ratios: CorpusRatios[] = [];
  for (const corpus of corpora) {
    const ours = outcomes.find((o) => corpusOf(o) === corpus && engineOf(o) === "factually");
    const peer = outcomes.find((o) => corpusOf(o) === corpus && engineOf(o) === "minisearch");
    if (!ours || !peer) continue;
    if (ours.status !== "ok" || peer.status !== "ok") {
      const failed = [ours, peer].filter((o) => o.status !== "ok");
      const note = failed
        .map((o) => `${engineDisplayName(engineOf(o))}: ${reasonOf(o)}`)
        .join("; ");
      ratios.push({ corpus, note });
      continue;
    }
    const a = ours.measurement;
    const b = peer.measurement;
    const entry: CorpusRatios = {
      corpus,
      ingestDocsPerSecond: a.docsPerSecond / b.docsPerSecond,
      queryP50: a.query.p50 / b.query.p50,
      queryP95: a.query.p95 / b.query.p95,
      queryMean: a.query.mean / b.query.mean,
      peakRss: a.peakRssBytes / b.peakRssBytes,
    };
    if (a.diskBytes !== undefined && b.heapGrowthBytes > 0) {
      entry.indexBytes = a.diskBytes / b.heapGrowthBytes;
    }
    ratios.push(entry);
  }
  return ratios;
}

/** The ratios in words: "2.1× faster", "1.4× slower", "3.0× smaller". */
export function formatRatios(ratios: readonly CorpusRatios[]): string {
  const header = ["corpus", "ingest", "query p50", "query p95", "query mean", "peak RSS", "index"];
  const rows = ratios
    .filter((r) => r.note === undefined)
    .map((r) => [
      r.corpus,
      phrase(r.ingestDocsPerSecond, "faster", "slower"),
      // Latency: a smaller ratio is better, so it is inverted for the words.
      phrase(invert(r.queryP50), "faster", "slower"),
      phrase(invert(r.queryP95), "faster", "slower"),
      phrase(invert(r.queryMean), "faster", "slower"),
      phrase(invert(r.peakRss), "smaller", "larger"),
      phrase(invert(r.indexBytes), "smaller", "larger"),
    ]);
  const notes = ratios.flatMap((r) =>
    r.note === undefined ? [] : [`${r.corpus}: no comparison (${r.note})`],
  );
  return [...(rows.length > 0 ? [formatTable([header, ...rows])] : []), ...notes].join("\n");
}

/** `factor` is "how many times better ours is"; below 1 it is said the other way round. */
function phrase(factor: number | undefined, better: string, worse: string): string {
  if (factor === undefined || !Number.isFinite(factor)) return "—";
  return factor >= 1 ? `${factor.toFixed(1)}× ${better}` : `${(1 / factor).toFixed(1)}× ${worse}`;
}

function invert(ratio: number | undefined): number | undefined {
  return ratio === undefined || ratio === 0 ? undefined : 1 / ratio;
}

function corpusOf(outcome: RunOutcome): string {
  return outcome.status === "ok" ? outcome.measurement.corpus : outcome.corpus;
}

function engineOf(outcome: RunOutcome): BenchMeasurement["engine"] {
  return outcome.status === "ok" ? outcome.measurement.engine : outcome.engine;
}

function reasonOf(outcome: RunOutcome): string {
  return outcome.status === "ok" ? "ok" : outcome.reason;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatBytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return Math.abs(mb) >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(1)} MB`;
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}
