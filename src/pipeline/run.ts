// One check, start to finish: understand → plan → search → read → select → assess → judge →
// write → verify, over one typed value, with progress events, cancellation and time budgets.
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
import type { CredibilityNotes } from "../sources/credibility-notes.js";
import { checkIdForInput } from "./check-id.js";
import { judge } from "./judge.js";
import { createModelLedger, type ModelBudget } from "./model-ledger.js";
import { readHits } from "./read.js";
import { searchPlan } from "./search.js";
import { DEFAULT_SELECT, type SelectOptions, selectPassages } from "./select.js";
import { createSourceOf } from "./sources.js";
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

export interface CheckLimits extends SelectOptions {
  /** Hits asked of each provider for each query. */
  hitsPerQuery: number;
  /** Fused hits read in full. */
  documentsToRead: number;
}

/** Earlier fact-checks listed with a check at most. */
export const MAX_PRIOR_FACT_CHECKS = 5;

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
    // Earlier fact-checks by other publishers are their own group: listed and mentioned, never
    // weighed as evidence. The policy drops hits from denied domains before anything is read.
    const policy = deps.sourcePolicy;
    const admitted = policy ? searched.hits.filter((h) => policy.admitsHit(h.hit)) : searched.hits;
    if (admitted.length < searched.hits.length) {
      notes.push(
        `the source policy excluded ${admitted.length === 0 ? "every" : searched.hits.length - admitted.length} search hit${searched.hits.length - admitted.length === 1 ? "" : "s"} (${policy?.description})`,
      );
    }
    const evidenceHits = admitted.filter((h) => !h.hit.factCheck).slice(0, limits.documentsToRead);
    const factCheckHits = admitted.filter((h) => h.hit.factCheck).slice(0, MAX_PRIOR_FACT_CHECKS);
    const read = await stage("read", (signal) =>
      readHits([...evidenceHits, ...factCheckHits], deps.readers, {
        limit: evidenceHits.length + factCheckHits.length,
        signal,
      }),
    );
    notes.push(...read.notes);
    const usable = read.documents.filter((d) => {
      const verdict = policy?.admitsDocument(d.document) ?? { ok: true as const };
      if (!verdict.ok) notes.push(`"${d.document.title}" was not used: ${verdict.reason}`);
      else if ("note" in verdict && typeof verdict.note === "string") notes.push(verdict.note);
      return verdict.ok;
    });
    const isFactCheck = (d: (typeof usable)[number]) => d.document.metadata.factCheck !== undefined;
    const selection = await stage("select", () =>
      selectPassages(
        claim,
        usable.filter((d) => !isFactCheck(d)),
        limits,
      ),
    );
    const checkedAt = now().toISOString();
    const toSource = createSourceOf({ credibilityNotes: deps.credibilityNotes });
    const evidence = selection.sources.map(toSource);
    const priorChecks = usable.filter(isFactCheck).map((read, i) => ({
      read,
      n: evidence.length + i + 1,
      relevance: 1,
    }));
    const sources = [...evidence, ...priorChecks.map(toSource)];
    for (const source of sources) emit({ type: "source-read", source });
    // A prior fact-check's one passage is its rating, which the report may cite.
    const passages = [
      ...selection.passages,
      ...priorChecks.map(({ read: r, n }) => ({
        sourceN: n,
        documentId: r.document.id,
        text: r.document.text,
        start: 0,
        end: r.document.text.length,
        score: 1,
      })),
    ];

    const evidencePassages = selection.passages;
    const assessed = await stage("assess", (s) =>
      deps.assessor.assess(
        { claim, sources: evidence, passages: evidencePassages },
        s,
        ledger.stageRun("assess"),
      ),
    );
    const assessments = [
      ...assessed,
      ...priorChecks.map(({ read: r, n }) => ({
        sourceN: n,
        stance: "context" as const,
        quote: r.document.text,
        reason: "An earlier fact-check by another publisher; listed, not weighed as evidence.",
        confidence: 1,
      })),
    ];
    const verdict = await stage("judge", () => judge(claim, evidence, assessed, evidencePassages));
    const foundBy = new Map<string, number[]>();
    for (const s of selection.sources) {
      for (const q of s.read.hit.queries) foundBy.set(q, [...(foundBy.get(q) ?? []), s.n]);
    }
    // What each query contributed, for the "Searched for:" lines and the JSON.
    const coverage = plan.queries.map((q) => ({
      text: q.text,
      hits: searched.hits.filter((h) => h.queries.includes(q.text)).length,
      found: [...(foundBy.get(q.text) ?? [])].sort((a, b) => a - b),
    }));
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
      deps.verifier.verify(
        { claim, report: draft, passages, sources },
        s,
        ledger.stageRun("verify"),
      ),
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
      plan: { ...plan, coverage },
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
      ...(searched.unsearched.length > 0 ? { unsearched: searched.unsearched } : {}),
    });
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
