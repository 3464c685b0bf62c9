// What a check runs with: offline or model-backed stages (a configured model is used unless
// --offline; --llm insists on one), and where it looks (the corpus, the configured web search
// providers, Wikipedia with --web). A configured model server is probed before any check
// starts, so an unreachable one is a clear start-up error rather than a slow fallback.

import { withConfiguredSources } from "../assemble/configured-check.js";
import { modelCheckDependencies } from "../assemble/model-check.js";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { webSourcesFor } from "../assemble/web-sources.js";
import type { WebConfig } from "../config/web-config.js";
import { FactuallyError } from "../core/errors.js";
import type { Store } from "../core/interfaces/store.js";
import type { CheckDependencies } from "../pipeline/run.js";
import { loadCredibilityNotes } from "../sources/credibility-notes.js";
import { requireCorpus } from "./check-run.js";
import type { CliIo } from "./io.js";
import type { ModelChoice } from "./model-choice.js";

/** Where a check looks, from the configuration and the --web / --as-of flags. */
export interface SourceChoice {
  web: WebConfig;
  /** --web: search the web even when only the corpus is configured. */
  forceWeb: boolean;
  /** --as-of YYYY-MM-DD: evidence published after it is not used. */
  asOf?: string;
}

/** Whether the check may search the web (then a new, empty database is fine). */
export function searchesWeb(sources: SourceChoice | undefined): boolean {
  return (
    sources !== undefined && (sources.forceWeb || sources.web.search.some((n) => n !== "local"))
  );
}

export interface CheckSetup {
  deps: CheckDependencies;
  /** Frees the page fetcher; call when the checks are done. */
  close(): Promise<void>;
}

export async function prepareCheck(
  store: Store,
  io: CliIo,
  model: ModelChoice,
  sources?: SourceChoice,
): Promise<CheckSetup> {
  const stages = await stagesFor(store, model);
  if (!sources) {
    await requireCorpus(store, io);
    return { deps: stages, close: async () => {} };
  }
  const { documents } = await store.corpusStats();
  const found = webSourcesFor(store, sources.web, {
    web: sources.forceWeb,
    corpusHasDocuments: documents > 0,
  });
  if (!found.usesWeb) await requireCorpus(store, io);
  if (sources.web.allowLoopback) {
    io.stderr.write(
      "warning: FACTUALLY_TEST_ALLOW_LOOPBACK is set: pages on 127.0.0.1 may be read (for tests only)\n",
    );
  }
  return {
    deps: withConfiguredSources(stages, {
      found,
      web: sources.web,
      notes: loadCredibilityNotes(sources.web.sourceNotes),
      ...(sources.asOf ? { asOf: sources.asOf } : {}),
    }),
    close: found.close,
  };
}

async function stagesFor(store: Store, choice: ModelChoice): Promise<CheckDependencies> {
  return (await checkStages(choice)).deps(store);
}

export interface CheckStages {
  /** The stages over one store; the model (if any) is shared by every store. */
  deps: (store: Store) => CheckDependencies;
  /** "offline stages", or "model-backed stages (provider:model)". */
  label: string;
}

/**
 * Offline stages, or the configured model's (its server probed once): for runs over many
 * stores, such as evaluations. `--llm` without a configured model is a BAD_CONFIG error.
 */
export async function checkStages(choice: ModelChoice): Promise<CheckStages> {
  if (choice.mode === "offline" || (choice.mode === "auto" && !choice.llm)) {
    return { deps: (store) => offlineCheckDependencies(store), label: "offline stages" };
  }
  const llm = choice.llm;
  if (!llm) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "--llm needs a language model: set FACTUALLY_LLM_PROVIDER and FACTUALLY_LLM_MODEL (see the README's Language models section), or drop --llm to check offline",
      { target: "FACTUALLY_LLM_PROVIDER" },
    );
  }
  const { checkReachable, modelHandleFor } = await import("../llm/providers.js");
  await checkReachable(llm);
  const handle = await modelHandleFor(llm);
  return {
    deps: (store) => modelCheckDependencies(store, handle, llm),
    label: `model-backed stages (${handle.id})`,
  };
}
