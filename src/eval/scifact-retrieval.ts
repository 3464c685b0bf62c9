// `factually eval scifact-retrieval`: index the SciFact corpus, run the claims, score the ranking.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FactuallyError } from "../core/errors.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import {
  loadBeirTest,
  loadTrainAsRetrieval,
  type RetrievalSet,
  requireFile,
} from "../data/scifact-data.js";
import { ingestPaths } from "../ingest/ingest.js";
import { throwawaySchemas } from "../store/postgres/throwaway-schema.js";
import {
  DEFAULT_RETRIEVAL,
  type RetrievalOptions,
  TRIED_RETRIEVAL,
} from "../store/sqlite/corpus-search.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { isPostgresUrl } from "../text/database-url.js";
import { meanMetrics, type RetrievalMetrics } from "./retrieval-metrics.js";

export interface RetrievalRun {
  label: string;
  options: RetrievalOptions;
  metrics: RetrievalMetrics;
  queriesPerSecond: number;
}

export interface ScifactRetrievalResult {
  set: string;
  split: "test" | "train";
  /** Claims run (those with relevance judgements). */
  queries: number;
  documents: number;
  passages: number;
  indexSeconds: number;
  /** The default configuration (one of `runs`). */
  main: RetrievalRun;
  /** Each step from plain BM25 to the default, to show what each one buys. */
  runs: RetrievalRun[];
}

export interface ScifactRetrievalOptions {
  dataDir: string;
  /** `test` = BEIR test claims (reported); `train` = train claims (for tuning). */
  split: "test" | "train";
  ablation: boolean;
  /** A PostgreSQL URL: index into a throwaway schema there instead of a temporary SQLite file. */
  database?: string;
  onProgress?: (message: string) => void;
}

export interface AblationStep {
  label: string;
  options: RetrievalOptions;
  /** The configuration `search` uses: the figures the benchmark reports. */
  isDefault: boolean;
}

/**
 * From flat BM25 to the defaults, one idea per step; then each idea that was measured and not
 * adopted (it lowered nDCG@10 on the train claims), tried on top of the defaults.
 */
export function ablationSteps(): AblationStep[] {
  const flat: RetrievalOptions = {
    titleWeight: 1,
    passageWeight: 0,
    proximityWeight: 0,
    feedbackDocs: 0,
    feedbackTerms: 0,
    feedbackWeight: 0,
    stopwords: false,
  };
  const noStop = { ...flat, stopwords: true };
  const base = { ...DEFAULT_RETRIEVAL };
  const { passage, proximity, feedback } = TRIED_RETRIEVAL;
  return [
    { label: "BM25, title+abstract as one field (FTS5)", options: flat, isDefault: false },
    { label: "+ query stopwords dropped", options: noStop, isDefault: false },
    { label: `+ title weighted x${base.titleWeight} (default)`, options: base, isDefault: true },
    {
      label: `not adopted: + best passage ${passage.passageWeight * 100}%`,
      options: { ...base, ...passage },
      isDefault: false,
    },
    {
      label: `not adopted: + near pairs ${proximity.proximityWeight * 100}%`,
      options: { ...base, ...proximity },
      isDefault: false,
    },
    {
      label: `not adopted: + feedback (${feedback.feedbackDocs} docs, ${feedback.feedbackTerms} terms, ${feedback.feedbackWeight * 100}%)`,
      options: { ...base, ...feedback },
      isDefault: false,
    },
  ];
}

/** Builds a throwaway index of the corpus and scores retrieval on the chosen claims. */
export async function runScifactRetrieval(
  opts: ScifactRetrievalOptions,
): Promise<ScifactRetrievalResult> {
  const set: RetrievalSet =
    opts.split === "train" ? loadTrainAsRetrieval(opts.dataDir) : loadBeirTest(opts.dataDir);
  const corpus = requireFile(opts.dataDir, "corpus.jsonl");
  const store = await openIndex(opts.database);
  try {
    opts.onProgress?.("indexing the SciFact corpus…");
    const ingest = await ingestPaths(store.corpus, [corpus], { format: "scifact" });
    const stats = await store.corpus.corpusStats();
    const steps = (opts.ablation ? ablationSteps() : ablationSteps().filter((s) => s.isDefault))
      // Proximity pairs and feedback are knobs of the SQLite store only.
      .filter(
        (s) =>
          store.kind === "sqlite" ||
          (s.options.proximityWeight === 0 && s.options.feedbackDocs === 0),
      );
    const runs: RetrievalRun[] = [];
    for (const step of steps) {
      opts.onProgress?.(`running ${set.queries.length} claims: ${step.label}`);
      const ranked = new Map<string, string[]>();
      const started = performance.now();
      // The knobs belong to each store, not to the corpus contract.
      const corpus = store.withRetrieval(step.options);
      for (const query of set.queries) {
        const results = await corpus.searchCorpus(query.text, { limit: 100 });
        ranked.set(
          query.id,
          results.map((r) => r.document.id),
        );
      }
      const seconds = (performance.now() - started) / 1000;
      runs.push({
        label: step.label,
        options: step.options,
        metrics: meanMetrics(ranked, set.qrels),
        queriesPerSecond: set.queries.length / seconds,
      });
    }
    const main = runs[steps.findIndex((s) => s.isDefault)];
    if (!main) throw new Error("the ablation has no default step");
    return {
      set: set.name,
      split: opts.split,
      queries: set.queries.length,
      documents: stats.documents,
      passages: stats.passages,
      indexSeconds: ingest.seconds,
      main,
      runs,
    };
  } finally {
    await store.close();
  }
}

interface EvalIndex {
  kind: "sqlite" | "postgres";
  corpus: CorpusStore;
  withRetrieval(options: RetrievalOptions): CorpusStore;
  /** Closes the index and deletes it (the temporary file, or the throwaway schema). */
  close(): Promise<void>;
}

/** A throwaway index: a temporary SQLite file, or a fresh schema in the PostgreSQL `database`. */
async function openIndex(database: string | undefined): Promise<EvalIndex> {
  if (database === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "factually-eval-"));
    const store = openSqliteStore(join(dir, "scifact.db"));
    return {
      kind: "sqlite",
      corpus: store.corpus,
      withRetrieval: (options) => store.corpus.withRetrieval(options),
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!isPostgresUrl(database)) {
    throw new FactuallyError(
      "BAD_INPUT",
      "the retrieval benchmark indexes into a PostgreSQL database (postgres://…) or, without one, a temporary SQLite file",
      { subject: "database" },
    );
  }
  const schemas = throwawaySchemas(database, "factually_eval");
  let store: Awaited<ReturnType<typeof schemas.open>>;
  try {
    store = await schemas.open();
  } catch (error) {
    await schemas.dropAll().catch(() => {});
    throw error;
  }
  return {
    kind: "postgres",
    corpus: store.corpus,
    withRetrieval: ({ titleWeight, passageWeight, stopwords }) =>
      store.corpus.withRetrieval({ titleWeight, passageWeight, stopwords }),
    async close() {
      await store.close();
      await schemas.dropAll();
    },
  };
}
