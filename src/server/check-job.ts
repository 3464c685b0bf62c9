// One check or refresh job, from plain data to a stored version: the stages and sources the
// server was configured with, built once per thread and reused by every job on it. The main
// thread (in-thread runs) and each worker thread (check-worker.ts) call `runCheckJob`; it is
// the one seam the engine's wiring replaces.
import { withConfiguredSources } from "../assemble/configured-check.js";
import { modelCheckDependencies } from "../assemble/model-check.js";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { type WebSources, webSourcesFor } from "../assemble/web-sources.js";
import type { Config } from "../config/config.js";
import { FactuallyError } from "../core/errors.js";
import type { Store } from "../core/interfaces/store.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { ModelHandle } from "../llm/model-caller.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { checkOrReuse, refreshCheck } from "../records/stored-check.js";
import { type CredibilityNotes, loadCredibilityNotes } from "../sources/credibility-notes.js";
import type { JobResult } from "./check-jobs.js";

/** A job as plain, structured-cloneable data: it crosses to a worker thread as it is. */
export type CheckJobRequest =
  | {
      kind: "check";
      /** The checkable text (already trimmed by `checkableText`). */
      text: string;
      /** Run a new version even when a fresh one is stored. */
      fresh?: boolean;
      /** Search the web too (the configured providers, or Wikipedia). */
      web?: boolean;
      /** Use the configured language model (the default when one is configured). */
      llm?: boolean;
    }
  | {
      kind: "refresh";
      id: string;
      /** Look where the refreshed version looked (whether it searched the web). */
      web: boolean;
    };

export interface RunCheckJobOptions {
  onEvent: (event: CheckEvent) => void;
  signal: AbortSignal;
  now?: () => Date;
}

/** What every job on one thread shares: the store connection, the model, the sources. */
export interface JobWiring {
  readonly config: Config;
  readonly store: Store;
  /** The configured model, loaded once; absent when checks run offline. */
  readonly model?: ModelHandle;
  /** The shipped credibility notes with the configured table over them. */
  readonly notes: CredibilityNotes;
  /** The sources for a check with or without `web`, made on first use. */
  sourcesFor(web: boolean): Promise<WebSources>;
  /** Frees the page fetchers (not the store or the model: their owner closes them). */
  close(): Promise<void>;
}

export function createJobWiring(options: {
  config: Config;
  store: Store;
  model?: ModelHandle | undefined;
}): JobWiring {
  const { config, store, model } = options;
  const sources = new Map<boolean, Promise<WebSources>>();
  return {
    config,
    store,
    notes: loadCredibilityNotes(config.web.sourceNotes),
    ...(model ? { model } : {}),
    sourcesFor(web) {
      let found = sources.get(web);
      if (!found) {
        found = store
          .corpusStats()
          .then(({ documents }) =>
            webSourcesFor(store, config.web, { web, corpusHasDocuments: documents > 0 }),
          );
        // A failed look at the corpus is not remembered: the next job tries again.
        found.catch(() => sources.delete(web));
        sources.set(web, found);
      }
      return found;
    },
    async close() {
      const made = await Promise.allSettled(sources.values());
      await Promise.all(made.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)));
    },
  };
}

/** Runs `request` as the server runs every check: reuse or run-and-store, or refresh. */
export async function runCheckJob(
  wiring: JobWiring,
  request: CheckJobRequest,
  options: RunCheckJobOptions,
): Promise<JobResult> {
  const { config, store } = wiring;
  const now = options.now ?? (() => new Date());
  const run = { signal: options.signal, onEvent: options.onEvent, now };
  if (request.kind === "refresh") {
    const deps = await dependenciesFor(wiring, { web: request.web });
    const result = await refreshCheck(store, deps, request.id, run);
    return { checkId: request.id, n: result.version.n, outcome: "refreshed" };
  }
  const deps = await dependenciesFor(wiring, request);
  const result = await checkOrReuse(store, deps, request.text, {
    ...run,
    fresh: request.fresh === true,
    configuredFreshnessDays: config.freshnessDays,
  });
  return { checkId: result.check.id, n: result.version.n, outcome: result.outcome };
}

async function dependenciesFor(
  wiring: JobWiring,
  request: { web?: boolean | undefined; llm?: boolean | undefined },
): Promise<CheckDependencies> {
  const { config, store, model } = wiring;
  if (request.llm === true && !model) {
    throw new FactuallyError(
      "BAD_INPUT",
      "this server has no language model configured (FACTUALLY_LLM_PROVIDER); ask without llm",
    );
  }
  const stages =
    model && request.llm !== false && config.llm
      ? modelCheckDependencies(store, model, config.llm)
      : offlineCheckDependencies(store);
  const found = await wiring.sourcesFor(request.web === true);
  if (found.providers.length === 0) {
    throw new FactuallyError(
      "BAD_INPUT",
      "the corpus is empty and no web search is configured; ingest documents or ask with web",
    );
  }
  return withConfiguredSources(stages, { found, web: config.web, notes: wiring.notes });
}
