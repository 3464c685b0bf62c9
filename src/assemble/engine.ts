// The one place a check is wired: `openEngine` opens the stores named by the configuration and,
// on the first check, the stages (probing the configured model once), the search providers and
// readers, the publisher notes and the source policy. The CLI, the server and a worker thread
// all open an engine from a plain `Config` and only call it.

import type { Config } from "../config/config.js";
import type { AccountStore } from "../core/interfaces/account-store.js";
import type { CheckStore } from "../core/interfaces/check-store.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import type { SnapshotStore } from "../core/interfaces/snapshot-store.js";
import type { StoreAccess, Stores } from "../core/interfaces/stores.js";
import type { ClaimOrigin } from "../core/schema/check.js";
import type { CheckEvent } from "../core/schema/check-event.js";
import type { CheckDependencies, CheckLimits } from "../pipeline/run.js";
import { latestSearchedTheWeb } from "../records/searched-web.js";
import type { CheckStages } from "./check-stages.js";
import type { CheckWiring, WiringChoice } from "./check-wiring.js";
import { deepFreeze } from "./deep-freeze.js";
import { type ModelMode, probeModel } from "./model-choice.js";
import { openStores } from "./open-stores.js";
import type { RefreshResult, StoredCheckResult } from "./stored-check.js";

/** What to check: plain data, so it can cross to a worker thread. */
export interface CheckRequest {
  text: string;
  /** Who made the claim and where, when known; kept on the check. */
  origin?: ClaimOrigin;
  /** This check's own freshness window in days; kept on the check. */
  freshnessDays?: number;
  /** Limits that differ from the defaults (e.g. maxSources). */
  limits?: Partial<CheckLimits>;
}

/** Which stored check to run again. */
export interface RefreshRequest {
  id: string;
  /** A new freshness window for the check, in days. */
  freshnessDays?: number;
}

/** How one run goes: cancellation, progress, and where it looks. */
export interface CheckControls extends WiringChoice {
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  /** Run a new version even when a fresh one is stored (check only). */
  fresh?: boolean;
  /** The clock for this run (defaults to the engine's). */
  now?: () => Date;
}

export interface EngineOptions {
  /** auto (the default): the configured model when there is one; llm: require one; offline. */
  model?: ModelMode;
  /** Stores already open (tests); the engine then leaves closing them to the caller. */
  stores?: Stores;
  /** How the configured database is opened (default read-write); commands that only read say so. */
  access?: StoreAccess;
  /** Told once about settings only tests should use (reading pages on loopback). */
  warn?: (message: string) => void;
  now?: () => Date;
  /**
   * Where the paces of rate-limited services (the model's FACTUALLY_LLM_PER_MINUTE, search
   * providers' intervals) are kept: this process's by default; `createRedisPacers` shares them
   * with every process using the same Redis.
   */
  pacers?: PacerFactory;
}

export interface Engine {
  /** The configuration the engine was opened with, deeply frozen. */
  readonly config: Readonly<Config>;
  /** Where the stores live (a file path, `:memory:` or a database URL without its password). */
  readonly location: string;
  /** The stores were opened for reading only: checks, refreshes and ratings are refused. */
  readonly readOnly: boolean;
  readonly corpus: CorpusStore;
  readonly checks: CheckStore;
  readonly snapshots: SnapshotStore;
  /** Users, sessions and API tokens (accounts are on when at least one user exists). */
  readonly accounts: AccountStore;
  /** The stages, loaded once (the configured model probed); a missing or unreachable model fails here. */
  stages(): Promise<CheckStages>;
  /** Probes the configured model without loading any stage (for a process whose checks run elsewhere). */
  probeModel(): Promise<void>;
  /** What a check with these controls runs on (for inspection; `check` builds the same). */
  dependencies(choice?: WiringChoice): Promise<CheckDependencies>;
  /** The stored check of `request.text` when fresh and made the same way; else a new version. */
  check(request: CheckRequest, controls?: CheckControls): Promise<StoredCheckResult>;
  /** Runs a stored check again as its next version; it searches the web when the last one did. */
  refresh(request: RefreshRequest, controls?: CheckControls): Promise<RefreshResult>;
  /** Frees the page fetchers and closes the stores it opened. */
  close(): Promise<void>;
}

/** Opens the engine `config` describes; nothing is probed or loaded until the first check. */
export async function openEngine(config: Config, options: EngineOptions = {}): Promise<Engine> {
  const frozen = deepFreeze(structuredClone(config));
  const stores = options.stores ?? (await openStores(frozen.db, options.access));
  const clock = options.now ?? (() => new Date());
  let wiring: Promise<CheckWiring> | undefined;
  const wired = () => {
    wiring ??= import("./check-wiring.js").then(({ createCheckWiring }) =>
      createCheckWiring({
        config: frozen,
        mode: options.model ?? "auto",
        corpus: stores.corpus,
        snapshots: stores.snapshots,
        location: stores.location,
        warn: options.warn ?? (() => {}),
        ...(options.pacers ? { pacers: options.pacers } : {}),
      }),
    );
    return wiring;
  };
  const records = () => import("./stored-check.js");

  return {
    config: frozen,
    location: stores.location,
    readOnly: stores.readOnly === true,
    corpus: stores.corpus,
    checks: stores.checks,
    snapshots: stores.snapshots,
    accounts: stores.accounts,
    async stages() {
      return (await wired()).stages();
    },
    async probeModel() {
      await probeModel({
        mode: options.model ?? "auto",
        ...(frozen.llm ? { llm: frozen.llm } : {}),
      });
    },
    async dependencies(choice = {}) {
      return (await wired()).dependencies(choice);
    },
    async check(request, controls = {}) {
      const deps = await (await wired()).dependencies(controls);
      const { checkOrReuse } = await records();
      return checkOrReuse(stores.checks, deps, request.text, {
        ...runOptions(controls, clock),
        fresh: controls.fresh === true,
        configuredFreshnessDays: frozen.freshnessDays,
        ...(request.limits ? { limits: request.limits } : {}),
        ...(request.freshnessDays ? { freshnessDays: request.freshnessDays } : {}),
        ...(request.origin ? { origin: request.origin } : {}),
      });
    },
    async refresh(request, controls = {}) {
      const { refreshCheck } = await records();
      // A refresh looks where the version it refreshes looked: otherwise every web source of
      // a check that searched the web would show up as "removed".
      const web = controls.web === true || (await latestSearchedTheWeb(stores.checks, request.id));
      const deps = await (await wired()).dependencies({ ...controls, web });
      return refreshCheck(stores.checks, deps, request.id, {
        ...runOptions(controls, clock),
        ...(request.freshnessDays ? { freshnessDays: request.freshnessDays } : {}),
      });
    },
    async close() {
      if (wiring) await (await wiring).close();
      if (!options.stores) await stores.close();
    },
  };
}

function runOptions(controls: CheckControls, clock: () => Date) {
  return {
    now: controls.now ?? clock,
    ...(controls.signal ? { signal: controls.signal } : {}),
    ...(controls.onEvent ? { onEvent: controls.onEvent } : {}),
  };
}
