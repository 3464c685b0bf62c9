// One check, start to finish: understand → plan → search → read → select → assess → judge →
// write → verify, as steps over one draft value (check-steps.ts), with progress events,
// cancellation and time budgets.
import { isFactuallyError, messageOf } from "../core/errors.js";
import type { Assessor } from "../core/interfaces/assessor.js";
import type { Planner } from "../core/interfaces/planner.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { SearchProvider } from "../core/interfaces/search-provider.js";
import type { SourcePolicy } from "../core/interfaces/source-policy.js";
import type { Understander } from "../core/interfaces/understander.js";
import type { Verifier } from "../core/interfaces/verifier.js";
import type { Writer } from "../core/interfaces/writer.js";
import { type Check, CheckVersion, type SettingsFingerprint } from "../core/schema/check.js";
import type { CheckEvent, StageName } from "../core/schema/check-event.js";
import type { CheckNote } from "../core/schema/check-note.js";
import type { CredibilityNotes } from "../sources/credibility-notes.js";
import { checkIdForInput } from "../text/check-id.js";
import type { CheckLimits, Written } from "./check-draft.js";
import type { StepContext } from "./check-steps.js";
import * as steps from "./check-steps.js";
import { createModelLedger, type ModelBudget, type ModelLedger } from "./model-ledger.js";
import { DEFAULT_SELECT } from "./select.js";
import type { StageContext } from "./stage-runner.js";

/** What a check runs on; the CLI or the server assembles it (offline or model-backed). */
export interface CheckDependencies {
  providers: readonly SearchProvider[];
  readers: readonly Reader[];
  understander: Understander;
  planner: Planner;
  assessor: Assessor;
  writer: Writer;
  verifier: Verifier;
  /** Neutral notes about publishers, by domain, added to the sources they apply to. */
  credibilityNotes?: CredibilityNotes;
  /** Domains allowed or denied, an as-of date; every source is admitted when absent. */
  sourcePolicy?: SourcePolicy;
  /** What the model-backed stages of one check may spend together (unlimited when absent). */
  modelBudget?: ModelBudget;
  /** Stage time budgets that differ from the defaults (model-backed stages need longer). */
  budgets?: Partial<Record<StageName, number>>;
  /** The prompt versions the stages use, recorded in the fingerprint (`offline@1` without a model). */
  promptVersion?: string;
}

export type { CheckLimits } from "./check-draft.js";
export { MAX_PRIOR_FACT_CHECKS } from "./prior-fact-checks.js";

export const DEFAULT_LIMITS: CheckLimits = {
  ...DEFAULT_SELECT,
  hitsPerQuery: 20,
  documentsToRead: 20,
};

/** Milliseconds each stage may take; generous offline, where every stage is local. */
export const DEFAULT_BUDGETS: Record<StageName, number> = {
  understand: 10_000,
  plan: 10_000,
  search: 30_000,
  read: 60_000,
  select: 10_000,
  assess: 60_000,
  judge: 5_000,
  write: 30_000,
  verify: 30_000,
};

export interface CheckOptions {
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  limits?: Partial<CheckLimits>;
  budgets?: Partial<Record<StageName, number>>;
  /** The clock, for dated versions (tests pass a fixed one). */
  now?: () => Date;
  /** Version number to give the result (the store's next one). */
  versionNumber?: number;
}

export interface CheckResult {
  check: Check;
  version: CheckVersion;
}

/**
 * What produced a version: providers, stage implementations and the limits that differ from
 * the defaults. Two versions with the same fingerprint were made the same way.
 */
export function settingsFor(
  deps: CheckDependencies,
  limits: Partial<CheckLimits> = {},
): SettingsFingerprint {
  const changed = Object.entries(limits).filter(
    ([key, value]) =>
      typeof value === "number" && value !== DEFAULT_LIMITS[key as keyof CheckLimits],
  );
  return {
    providers: deps.providers.map((p) => p.id),
    models: [
      deps.understander.id,
      deps.planner.id,
      deps.assessor.id,
      deps.writer.id,
      deps.verifier.id,
    ],
    promptVersion: deps.promptVersion ?? "offline@1",
    ...(changed.length > 0
      ? { limits: Object.fromEntries(changed) as Record<string, number> }
      : {}),
    ...(deps.sourcePolicy?.description ? { policy: deps.sourcePolicy.description } : {}),
  };
}

/** Runs one check; rejects with a FactuallyError (BAD_INPUT, ABORTED, TIMEOUT…) on failure. */
export async function runCheck(
  input: string,
  deps: CheckDependencies,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const stages: StageContext = {
    signal: options.signal,
    budgets: { ...DEFAULT_BUDGETS, ...deps.budgets, ...options.budgets },
    emit,
    timings: [],
  };
  const ledger = createModelLedger(deps.modelBudget);
  let current: StageName | undefined;
  const step: StepContext = { deps, ledger, stages, onStage: (name) => (current = name) };
  try {
    const start = { input, limits: { ...DEFAULT_LIMITS, ...options.limits }, notes: [] };
    const understood = await steps.understand(start, step);
    const planned = await steps.plan(understood, step);
    const searched = await steps.search(planned, step);
    const read = await steps.read(searched, step);
    const selected = await steps.select(read, step);
    const checkedAt = now().toISOString();
    const cited = steps.cite(selected, step);
    const assessed = await steps.assess(cited, step);
    const judged = await steps.decide(assessed, step);
    const written = await steps.write(judged, step);
    const done = await steps.verify(written, step);
    const { check, version } = finish(done, { deps, ledger, stages, checkedAt, options });
    emit({ type: "check-done", version });
    return { check, version };
  } catch (error) {
    emit({
      type: "check-failed",
      stage: current,
      code: isFactuallyError(error) ? error.code : "INTERNAL",
      message: messageOf(error),
    });
    throw error;
  }
}

/** The finished draft as a check and a validated version. */
function finish(
  draft: Written,
  run: {
    deps: CheckDependencies;
    ledger: ModelLedger;
    stages: StageContext;
    checkedAt: string;
    options: CheckOptions;
  },
): CheckResult {
  const { claim } = draft;
  const { checkedAt } = run;
  const check: Check = {
    // From the input, not from what an understander made of it: the same text, the same id.
    id: checkIdForInput(draft.input),
    input: claim.text,
    kind: claim.kind,
    createdAt: checkedAt,
  };
  const totals = run.ledger.totals();
  const notes: CheckNote[] = [...draft.notes, ...run.ledger.noteDetails()];
  // Validated on the way out: what other tools read (JSON, the store) keeps its shape.
  const version = CheckVersion.parse({
    checkId: check.id,
    n: run.options.versionNumber ?? 1,
    checkedAt,
    status: "done",
    claim,
    plan: { ...draft.plan, coverage: draft.coverage },
    sources: draft.sources,
    passages: draft.passages,
    assessments: [...draft.assessed, ...draft.priorAssessments],
    verdict: draft.verdict,
    report: draft.report,
    settings: settingsFor(run.deps, run.options.limits),
    timings: run.stages.timings,
    tokens: { input: totals.input, output: totals.output },
    usage: run.ledger.usage(),
    fallbacks: run.ledger.fallbacks(),
    notes: notes.map((n) => n.message),
    noteDetails: notes,
    ...(draft.unsearched.length > 0 ? { unsearched: draft.unsearched } : {}),
  });
  return { check, version };
}
