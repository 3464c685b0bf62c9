// Runs one engine × corpus measurement inside a child process and reports it to the parent.
import type { BenchDocument } from "./bench-engine.ts";
import { openEngine } from "./bench-engine.ts";
import type {
  BenchJob,
  BenchMeasurement,
  IngestMeasurement,
  WorkerMessage,
} from "./bench-result.ts";
import { loadCorpus } from "./corpus-source.ts";
import { summarizeLatencies } from "./stats.ts";

// A run that dies is described by its last report, so progress goes after every batch (the
// parent prints only some of it), and latencies already sent still count.
const PROGRESS_EVERY_QUERIES = 10;

/** Ingests the corpus batch by batch, then times every query; generation time is not counted. */
export async function runBenchJob(
  job: BenchJob,
  send: (message: WorkerMessage) => void,
): Promise<BenchMeasurement> {
  const progress = (phase: "load" | "ingest" | "query", done: number, total: number) =>
    send({
      type: "progress",
      progress: {
        phase,
        done,
        total,
        heapUsedBytes: process.memoryUsage().heapUsed,
        peakRssBytes: peakRss(),
      },
    });

  progress("load", 0, 0);
  const corpus = loadCorpus(job.corpus, job.dataDir, job.seed);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = await openEngine(job.engine, job.workDir);
  progress("ingest", 0, corpus.size);

  let ingestMs = 0;
  let done = 0;
  for (const batch of batches(corpus.documents, job.batchSize)) {
    const start = performance.now();
    await engine.ingest(batch);
    ingestMs += performance.now() - start;
    done += batch.length;
    progress("ingest", done, corpus.size);
  }
  collectGarbage();
  const ingest = ingestFigures(
    done,
    ingestMs / 1000,
    await engine.counts(),
    engine.diskBytes(),
    process.memoryUsage().heapUsed - heapBefore,
  );
  send({ type: "ingested", ingest });

  const queries = corpus.queries;
  progress("query", 0, queries.length);
  // The first queries warm caches and the JIT; they are run but not counted.
  for (const query of queries.slice(0, job.warmupQueries)) await engine.search(query);
  const latencies: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await engine.search(query);
    latencies.push(performance.now() - start);
    if (latencies.length % PROGRESS_EVERY_QUERIES === 0 || latencies.length === queries.length) {
      send({ type: "latencies", values: latencies.slice(-PROGRESS_EVERY_QUERIES) });
      progress("query", latencies.length, queries.length);
    }
  }

  const measurement: BenchMeasurement = {
    engine: job.engine,
    engineLabel: engine.label,
    corpus: corpus.label,
    ...ingest,
    query: summarizeLatencies(latencies),
    peakRssBytes: peakRss(),
  };
  await engine.close();
  return measurement;
}

function ingestFigures(
  ingested: number,
  seconds: number,
  counts: { documents: number; passages?: number },
  diskBytes: number | undefined,
  heapGrowthBytes: number,
): IngestMeasurement {
  const figures: IngestMeasurement = {
    documents: counts.documents,
    ingestSeconds: seconds,
    docsPerSecond: ingested / seconds,
    heapGrowthBytes,
  };
  if (counts.passages !== undefined) {
    figures.passages = counts.passages;
    figures.passagesPerSecond = counts.passages / seconds;
  }
  if (diskBytes !== undefined) figures.diskBytes = diskBytes;
  return figures;
}

function* batches(documents: Iterable<BenchDocument>, size: number): Generator<BenchDocument[]> {
  let batch: BenchDocument[] = [];
  for (const document of documents) {
    batch.push(document);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function peakRss(): number {
  // maxRSS is in kibibytes.
  return process.resourceUsage().maxRSS * 1024;
}

/** A full collection when node runs with --expose-gc (the harness starts workers that way). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
