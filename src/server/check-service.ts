// What the API and the pages ask of the engine: start a check (or join the one already running
// for the same input), refresh a stored check, with the stages and sources the server was
// configured with. Work is queued and bounded by CheckJobs.

import { withConfiguredSources } from "../assemble/configured-check.js";
import { modelCheckDependencies } from "../assemble/model-check.js";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { type WebSources, webSourcesFor } from "../assemble/web-sources.js";
import type { Config } from "../config/config.js";
import { FactuallyError } from "../core/errors.js";
import type { Store } from "../core/interfaces/store.js";
import type { ModelHandle } from "../llm/model-caller.js";
import { checkIdForInput } from "../pipeline/check-id.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { checkableText } from "../pipeline/understand.js";
import { checkOrReuse, latestSearchedTheWeb, refreshCheck } from "../records/stored-check.js";
import { loadCredibilityNotes } from "../sources/credibility-notes.js";
import type { CheckJob, CheckJobs } from "./check-jobs.js";

export interface CheckRequest {
  text: string;
  /** Run a new version even when a fresh one is stored. */
  fresh?: boolean;
  /** Search the web too (the configured providers, or Wikipedia). */
  web?: boolean;
  /** Use the configured language model (the default when one is configured). */
  llm?: boolean;
}

export interface StartedJob {
  checkId: string;
  job: CheckJob;
  /** True when the request joined a check already running or queued. */
  joined: boolean;
}

export interface CheckService {
  startCheck(request: CheckRequest): StartedJob;
  startRefresh(id: string): Promise<StartedJob>;
  close(): Promise<void>;
}

export interface CheckServiceOptions {
  store: Store;
  config: Config;
  jobs: CheckJobs;
  /** The configured model, loaded once; absent when checks run offline. */
  model?: ModelHandle;
  now?: () => Date;
}

export function createCheckService(options: CheckServiceOptions): CheckService {
  const { store, config, jobs } = options;
  const now = options.now ?? (() => new Date());
  const notes = loadCredibilityNotes(config.web.sourceNotes);
  const sources = new Map<boolean, WebSources>();

  const depsFor = async (request: { web?: boolean; llm?: boolean }): Promise<CheckDependencies> => {
    if (request.llm === true && !options.model) {
      throw new FactuallyError(
        "BAD_INPUT",
        "this server has no language model configured (FACTUALLY_LLM_PROVIDER); ask without llm",
      );
    }
    const useModel = options.model !== undefined && request.llm !== false;
    const stages =
      useModel && options.model && config.llm
        ? modelCheckDependencies(store, options.model, config.llm)
        : offlineCheckDependencies(store);
    const web = request.web === true;
    let found = sources.get(web);
    if (!found) {
      const { documents } = await store.corpusStats();
      found = webSourcesFor(store, config.web, { web, corpusHasDocuments: documents > 0 });
      sources.set(web, found);
    }
    if (found.providers.length === 0) {
      throw new FactuallyError(
        "BAD_INPUT",
        "the corpus is empty and no web search is configured; ingest documents or ask with web",
      );
    }
    return withConfiguredSources(stages, { found, web: config.web, notes });
  };

  return {
    startCheck(request) {
      const text = checkableText(request.text);
      const checkId = checkIdForInput(text);
      const { job, joined } = jobs.submit(checkId, "check", async (emit, signal) => {
        const deps = await depsFor(request);
        const result = await checkOrReuse(store, deps, text, {
          signal,
          onEvent: emit,
          fresh: request.fresh === true,
          configuredFreshnessDays: config.freshnessDays,
          now,
        });
        return { checkId: result.check.id, n: result.version.n, outcome: result.outcome };
      });
      return { checkId, job, joined };
    },
    async startRefresh(id) {
      const searchedWeb = await latestSearchedTheWeb(store, id);
      const { job, joined } = jobs.submit(id, "refresh", async (emit, signal) => {
        const deps = await depsFor({ web: searchedWeb });
        const result = await refreshCheck(store, deps, id, { signal, onEvent: emit, now });
        return { checkId: id, n: result.version.n, outcome: "refreshed" };
      });
      return { checkId: id, job, joined };
    },
    async close() {
      await jobs.close();
      await Promise.all([...sources.values()].map((s) => s.close()));
    },
  };
}
