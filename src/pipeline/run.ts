// One check, start to finish: understand → plan → search → read → select → assess → judge →
// write → verify, over one typed value, with progress events, cancellation and time budgets.
import { isFactuallyError } from "../core/errors.js";
import type { Assessor } from "../core/interfaces/assessor.js";
import type { Planner } from "../core/interfaces/planner.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { SearchProvider } from "../core/interfaces/search-provider.js";
import type { Understander } from "../core/interfaces/understander.js";
import type { Verifier } from "../core/interfaces/verifier.js";
import type { Writer } from "../core/interfaces/writer.js";
import { type Check, CheckVersion, type SettingsFingerprint } from "../core/schema/check.js";
import type { CheckEvent, StageName } from "../core/schema/check-event.js";
import { checkIdForInput } from "./check-id.js";
import { judge } from "./judge.js";
import { createModelLedger, type ModelBudget } from "./model-ledger.js";
import { readHits } from "./read.js";
import { searchPlan } from "./search.js";
import { DEFAULT_SELECT, type SelectOptions, selectPassages } from "./select.js";
import { sourceOf } from "./sources.js";
import { runStage, type StageContext } from "./stage-runner.js";

/** What a check runs on; the CLI or the server assembles it (offline or model-backed). */
export interface CheckDependencies {
  providers: readonly SearchProvider[];
  readers: readonly Reader[];
  understander: Understander;
  planner: Planner;
  assessor: Assessor;
  writer: Writer;
  verifier: Verifier;
  /** What the model-backed stages of one check may spend together (unlimited when absent). */
  modelBudget?: ModelBudget;
  /** Stage time budgets that differ from the defaults (model-backed stages need longer). */
  budgets?: Partial<Record<StageName, number>>;
  /** The prompt versions the stages use, recorded in the fingerprint (`offline@1` without a model). */
  promptVersion?: string;
}

export interface CheckLimits extends SelectOptions {
  /** Hits asked of each provider for each query. */
  hitsPerQuery: number;
  /** Fused hits read in full. */
  documentsToRead: number;
}

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
  };
}

/** Runs one check; rejects with a FactuallyError (BAD_INPUT, ABORTED, TIMEOUT…) on failure. */
export async function runCheck(
  input: string,
  deps: CheckDependencies,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const ctx: StageContext = {
    signal: options.signal,
    budgets: { ...DEFAULT_BUDGETS, ...deps.budgets, ...options.budgets },
    emit,
    timings: [],
  };
  const notes: string[] = [];
  const ledger = createModelLedger(deps.modelBudget);
  let current: StageName | undefined;
  const stage = <T>(name: StageName, work: (signal: AbortSignal) => Promise<T> | T) => {
    current = name;
    return runStage(ctx, name, work);
  };
  try {
    const claim = await stage("understand", (s) =>
      deps.understander.understand(input, s, ledger.stageRun("understand")),
    );
    const plan = await stage("plan", (s) => deps.planner.plan(claim, s, ledger.stageRun("plan")));
    for (const query of plan.queries) emit({ type: "query-planned", query });

    const searched = await stage("search", (signal) =>
      searchPlan(plan, deps.providers, {
        hitsPerQuery: limits.hitsPerQuery,
        signal,
        onHit: (hit) => emit({ type: "hit-found", hit }),
      }),
    );
    notes.push(...searched.notes);
    const read = await stage("read", (signal) =>
      readHits(searched.hits, deps.readers, { limit: limits.documentsToRead, signal }),
    );
    notes.push(...read.notes);
    const selection = await stage("select", () => selectPassages(claim, read.documents, limits));
    const checkedAt = now().toISOString();
    const sources = selection.sources.map(sourceOf);
    for (const source of sources) emit({ type: "source-read", source });
    const passages = selection.passages;

    const assessments = await stage("assess", (s) =>
      deps.assessor.assess({ claim, sources, passages }, s, ledger.stageRun("assess")),
    );
    const verdict = await stage("judge", () => judge(claim, sources, assessments, passages));
    const foundBy = new Map<string, number[]>();
    for (const s of selection.sources) {
      for (const q of s.read.hit.queries) foundBy.set(q, [...(foundBy.get(q) ?? []), s.n]);
    }
    const draft = await stage("write", (s) =>
      deps.writer.write(
        { claim, plan, sources, passages, assessments, verdict, foundBy },
        s,
        ledger.stageRun("write"),
      ),
    );
    for (const section of ["summary", "missingContext", "bias"] as const)
      emit({ type: "section-written", section });
    const report = await stage("verify", (s) =>
      deps.verifier.verify({ claim, report: draft, passages }, s, ledger.stageRun("verify")),
    );

    const check: Check = {
      // From the input, not from what an understander made of it: the same text, the same id.
      id: checkIdForInput(input),
      input: claim.text,
      kind: claim.kind,
      createdAt: checkedAt,
    };
    // Validated on the way out: what other tools read (JSON, the store) keeps its shape.
    const version = CheckVersion.parse({
      checkId: check.id,
      n: options.versionNumber ?? 1,
      checkedAt,
      status: "done",
      claim,
      plan,
      sources,
      passages,
      assessments,
      verdict,
      report,
      settings: settingsFor(deps, options.limits),
      timings: ctx.timings,
      tokens: { input: ledger.totals().input, output: ledger.totals().output },
      usage: ledger.usage(),
      fallbacks: ledger.fallbacks(),
      notes: [...notes, ...ledger.notes()],
    });
    emit({ type: "check-done", version });
    return { check, version };
  } catch (error) {
    emit({
      type: "check-failed",
      stage: current,
      code: isFactuallyError(error) ? error.code : "INTERNAL",
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
