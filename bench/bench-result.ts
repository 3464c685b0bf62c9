// What a benchmark worker is asked to do, what it reports back, and how each run ended.
import { z } from "zod";
import type { EngineName } from "./bench-engine.ts";
import type { CorpusSpec } from "./corpus-source.ts";
import type { LatencySummary } from "./stats.ts";

/** One engine × corpus measurement, run in its own process. Sent to the worker as JSON. */
export const BenchJob = z.object({
  engine: z.enum(["factually", "minisearch"]),
  corpus: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("scifact") }),
    z.object({ kind: z.literal("synthetic"), size: z.number().int().positive() }),
  ]),
  dataDir: z.string(),
  workDir: z.string(),
  seed: z.number().int(),
  batchSize: z.number().int().positive(),
  warmupQueries: z.number().int().nonnegative(),
});
export type BenchJob = z.infer<typeof BenchJob> & { engine: EngineName; corpus: CorpusSpec };

/** What ingest cost: known as soon as the last batch is in, before any query runs. */
export interface IngestMeasurement {
  documents: number;
  /** Passages indexed, for engines that split documents into passages. */
  passages?: number;
  ingestSeconds: number;
  docsPerSecond: number;
  passagesPerSecond?: number;
  /** Index size on disk (SQLite file plus its write-ahead log). */
  diskBytes?: number;
  /** Live heap after ingest minus before, both measured after a full garbage collection. */
  heapGrowthBytes: number;
}

export interface BenchMeasurement extends IngestMeasurement {
  engine: EngineName;
  engineLabel: string;
  corpus: string;
  /** Milliseconds per query, after the warm-up queries. */
  query: LatencySummary;
  /** Highest resident set size of the worker process over its whole life. */
  peakRssBytes: number;
}

/** Where a worker is, so a run that dies can be reported with how far it got. */
export interface BenchProgress {
  phase: "load" | "ingest" | "query";
  done: number;
  total: number;
  heapUsedBytes: number;
  /** Highest resident set size so far. */
  peakRssBytes: number;
}

export type WorkerMessage =
  | { type: "progress"; progress: BenchProgress }
  | { type: "ingested"; ingest: IngestMeasurement }
  /** Latencies (ms) of the queries timed since the last such message. */
  | { type: "latencies"; values: number[] }
  | { type: "result"; measurement: BenchMeasurement }
  | { type: "error"; message: string };

/** How one engine × corpus run ended. */
export type RunOutcome =
  | { status: "ok"; measurement: BenchMeasurement }
  | {
      status: "out-of-memory" | "timed-out" | "failed" | "not-run";
      engine: EngineName;
      corpus: string;
      /** One line for the table, e.g. "out of memory at 1M (ingest, 620,000 docs)". */
      reason: string;
      lastProgress?: BenchProgress;
      /** Ingest figures, when ingest finished before the run ended. */
      ingest?: IngestMeasurement;
      /** Latencies of the queries that ran before the end, when some did. */
      partialQuery?: LatencySummary;
    };
