// What a check runs on, built from the configuration once per engine: the stages (offline or
// the configured model's), the search providers and readers (per "also search the web"), the
// publisher notes, and the source policy. Loaded only when a check runs, so commands that only
// read records never load the NLP models.
import type { Config } from "../config/config.js";
import { FactuallyError } from "../core/errors.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import type { SnapshotStore } from "../core/interfaces/snapshot-store.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { loadCredibilityNotes } from "../sources/credibility-notes.js";
import { type CheckStages, checkStages } from "./check-stages.js";
import { withConfiguredSources } from "./configured-check.js";
import { EmptyCorpusError } from "./empty-corpus-error.js";
import type { ModelMode } from "./model-choice.js";
import { offlineCheckDependencies } from "./offline-check.js";
import { type WebSources, webSourcesFor } from "./web-sources.js";

/** Where a check looks and which stages it runs, chosen per request. */
export interface WiringChoice {
  /** Search the web too (the configured providers, or Wikipedia). */
  web?: boolean;
  /** true: the model is required; false: offline stages; absent: as the engine was opened. */
  llm?: boolean;
  /** YYYY-MM-DD: evidence published after it is not used. */
  asOf?: string;
}

export interface CheckWiring {
  /** Probes the configured model (once); a BAD_CONFIG or unreachable model fails here. */
  stages(): Promise<CheckStages>;
  dependencies(choice: WiringChoice): Promise<CheckDependencies>;
  close(): Promise<void>;
}

export interface WiringOptions {
  config: Config;
  mode: ModelMode;
  corpus: CorpusStore;
  snapshots: SnapshotStore;
  location: string;
  warn: (message: string) => void;
  /** Where the model's and the search providers' paces are kept (default: this process). */
  pacers?: PacerFactory;
}

export function createCheckWiring(options: WiringOptions): CheckWiring {
  const { config, corpus, snapshots } = options;
  const notes = loadCredibilityNotes(config.web.sourceNotes);
  const sources = new Map<boolean, Promise<WebSources>>();
  /** Sources made while the corpus was empty (they leave it out); kept until close. */
  const emptyWhenMade = new Set<boolean>();
  const retired: Array<Promise<WebSources>> = [];
  let stages: Promise<CheckStages> | undefined;
  let warned = false;

  const stagesOnce = () => {
    // A model server that was down is probed again by the next check, not remembered as down.
    stages ??= checkStages(
      { mode: options.mode, ...(config.llm ? { llm: config.llm } : {}) },
      options.pacers ? { pacers: options.pacers } : {},
    ).catch((error: unknown) => {
      stages = undefined;
      throw error;
    });
    return stages;
  };

  // Kept as promises, so checks starting together share one set (and one page fetcher).
  const sourcesFor = async (web: boolean): Promise<WebSources> => {
    let found = sources.get(web);
    if (found && emptyWhenMade.has(web)) {
      // Made while the corpus was empty: documents ingested since (by another process, say,
      // while a server runs) must be searched. The old set stays open for checks still using it.
      const { documents } = await corpus.corpusStats();
      if (documents > 0 && sources.get(web) === found) {
        emptyWhenMade.delete(web);
        sources.delete(web);
        retired.push(found);
      }
      found = sources.get(web);
    }
    if (!found) {
      found = corpus.corpusStats().then(({ documents }) => {
        if (documents === 0) emptyWhenMade.add(web);
        return webSourcesFor({ corpus, snapshots }, config.web, {
          web,
          corpusHasDocuments: documents > 0,
          ...(options.pacers ? { pacers: options.pacers } : {}),
        });
      });
      sources.set(web, found);
    }
    if (config.web.allowLoopback && !warned) {
      warned = true;
      options.warn(
        "warning: FACTUALLY_TEST_ALLOW_LOOPBACK is set: pages on 127.0.0.1 may be read (for tests only)",
      );
    }
    return found;
  };

  return {
    stages: stagesOnce,
    async dependencies(choice) {
      const loaded = await stagesOnce();
      if (choice.llm === true && !loaded.model) {
        throw new FactuallyError(
          "BAD_INPUT",
          "no language model is configured (FACTUALLY_LLM_PROVIDER); ask without llm",
        );
      }
      const stageDeps =
        choice.llm === false ? offlineCheckDependencies(corpus) : loaded.deps(corpus);
      const found = await sourcesFor(choice.web === true);
      if (found.providers.length === 0) throw new EmptyCorpusError(options.location);
      return withConfiguredSources(stageDeps, {
        found,
        web: config.web,
        notes,
        ...(choice.asOf ? { asOf: choice.asOf } : {}),
      });
    },
    async close() {
      const opened = await Promise.allSettled([...sources.values(), ...retired]);
      await Promise.all(
        opened.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)),
      );
    },
  };
}
