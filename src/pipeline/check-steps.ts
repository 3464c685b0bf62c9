// The steps of a check, each a small function from the draft to the draft extended with what it
// made; progress events are sent as the work happens. `runCheck` runs them in order.
import type { CheckNote } from "../core/schema/check-note.js";
import type { ReportSectionName } from "../core/schema/report.js";
import type {
  Assessed,
  Cited,
  DraftStart,
  Judged,
  Planned,
  ReadDraft,
  Searched,
  Selected,
  Understood,
  Written,
} from "./check-draft.js";
import { judge } from "./judge.js";
import type { ModelLedger } from "./model-ledger.js";
import {
  isPriorFactCheck,
  numberPriorChecks,
  priorCheckAssessments,
  priorCheckPassages,
  splitHits,
} from "./prior-fact-checks.js";
import { readHits } from "./read.js";
import type { CheckDependencies } from "./run.js";
import { searchPlan } from "./search.js";
import { selectPassages } from "./select.js";
import { createSourceOf } from "./sources.js";
import type { StageContext } from "./stage-runner.js";
import { runStage } from "./stage-runner.js";

/** What every step may use: the stages, the model ledger, and the stage runner. */
export interface StepContext {
  deps: CheckDependencies;
  ledger: ModelLedger;
  stages: StageContext;
  /** Set to the stage running now, for the failure event. */
  onStage: (stage: CheckNote["stage"]) => void;
}

const SECTIONS: readonly ReportSectionName[] = ["summary", "missingContext", "bias"];

function stage<T>(
  step: StepContext,
  name: CheckNote["stage"],
  work: (signal: AbortSignal) => Promise<T> | T,
): Promise<T> {
  step.onStage(name);
  return runStage(step.stages, name, work);
}

export async function understand(draft: DraftStart, step: StepContext): Promise<Understood> {
  const claim = await stage(step, "understand", (s) =>
    step.deps.understander.understand(draft.input, s, step.ledger.stageRun("understand")),
  );
  return { ...draft, claim };
}

export async function plan(draft: Understood, step: StepContext): Promise<Planned> {
  const made = await stage(step, "plan", (s) =>
    step.deps.planner.plan(draft.claim, s, step.ledger.stageRun("plan")),
  );
  for (const query of made.queries) step.stages.emit({ type: "query-planned", query });
  return { ...draft, plan: made };
}

/** Searches the plan; the source policy drops hits from denied domains before anything is read. */
export async function search(draft: Planned, step: StepContext): Promise<Searched> {
  const searched = await stage(step, "search", (signal) =>
    searchPlan(draft.plan, step.deps.providers, {
      hitsPerQuery: draft.limits.hitsPerQuery,
      signal,
      onHit: (hit) => step.stages.emit({ type: "hit-found", hit }),
    }),
  );
  const notes: CheckNote[] = searched.notes.map((message) => ({
    stage: "search",
    code: "provider-failed",
    message,
  }));
  const policy = step.deps.sourcePolicy;
  const admitted = policy ? searched.hits.filter((h) => policy.admitsHit(h.hit)) : searched.hits;
  const excluded = searched.hits.length - admitted.length;
  if (excluded > 0) {
    notes.push({
      stage: "search",
      code: "policy-excluded-hits",
      message: `the source policy excluded ${admitted.length === 0 ? "every" : excluded} search hit${excluded === 1 ? "" : "s"} (${policy?.description})`,
    });
  }
  const { evidence, priorChecks } = splitHits(admitted, draft.limits.documentsToRead);
  return {
    ...draft,
    hits: searched.hits,
    toRead: [...evidence, ...priorChecks],
    unsearched: searched.unsearched,
    notes: [...draft.notes, ...notes],
  };
}

/** Reads the chosen hits; the policy then judges each document (its date, its final address). */
export async function read(draft: Searched, step: StepContext): Promise<ReadDraft> {
  const result = await stage(step, "read", (signal) =>
    readHits(draft.toRead, step.deps.readers, { limit: draft.toRead.length, signal }),
  );
  const notes: CheckNote[] = result.noteDetails.map(({ code, message }) => ({
    stage: "read",
    code,
    message,
  }));
  const policy = step.deps.sourcePolicy;
  const usable = result.documents.filter((d) => {
    const verdict = policy?.admitsDocument(d.document, d.priorFactCheck) ?? { ok: true as const };
    if (!verdict.ok) {
      notes.push({
        stage: "read",
        code: "policy-excluded",
        message: `"${d.document.title}" was not used: ${verdict.reason}`,
      });
    } else if (verdict.note) {
      notes.push({ stage: "read", code: "policy-note", message: verdict.note });
    }
    return verdict.ok;
  });
  return { ...draft, usable, notes: [...draft.notes, ...notes] };
}

export async function select(draft: ReadDraft, step: StepContext): Promise<Selected> {
  const evidence = draft.usable.filter((d) => !isPriorFactCheck(d));
  const selection = await stage(step, "select", () =>
    selectPassages(draft.claim, evidence, draft.limits),
  );
  return { ...draft, selection };
}

/** Numbers the sources (evidence, then earlier fact-checks) and reports each as read. */
export function cite(draft: Selected, step: StepContext): Cited {
  const toSource = createSourceOf({ credibilityNotes: step.deps.credibilityNotes });
  const evidence = draft.selection.sources.map(toSource);
  const priorChecks = numberPriorChecks(draft.usable.filter(isPriorFactCheck), evidence.length);
  const sources = [...evidence, ...priorChecks.map(toSource)];
  for (const source of sources) step.stages.emit({ type: "source-read", source });
  return {
    ...draft,
    evidence,
    sources,
    passages: [...draft.selection.passages, ...priorCheckPassages(priorChecks)],
    priorAssessments: priorCheckAssessments(priorChecks),
  };
}

/** Assesses the evidence only: earlier fact-checks are context, never weighed. */
export async function assess(draft: Cited, step: StepContext): Promise<Assessed> {
  const assessed = await stage(step, "assess", (s) =>
    step.deps.assessor.assess(
      { claim: draft.claim, sources: draft.evidence, passages: draft.selection.passages },
      s,
      step.ledger.stageRun("assess"),
    ),
  );
  return { ...draft, assessed };
}

export async function decide(draft: Assessed, step: StepContext): Promise<Judged> {
  const verdict = await stage(step, "judge", () =>
    judge(draft.claim, draft.evidence, draft.assessed, draft.selection.passages),
  );
  const foundBy = new Map<string, number[]>();
  for (const s of draft.selection.sources) {
    for (const q of s.read.hit.queries) foundBy.set(q, [...(foundBy.get(q) ?? []), s.n]);
  }
  // What each query contributed, for the "Searched for:" lines and the JSON.
  const coverage = draft.plan.queries.map((q) => ({
    text: q.text,
    hits: draft.hits.filter((h) => h.queries.includes(q.text)).length,
    found: [...(foundBy.get(q.text) ?? [])].sort((a, b) => a - b),
  }));
  return { ...draft, verdict, foundBy, coverage };
}

/** Writes the report; each section is announced once, when it is written. */
export async function write(draft: Judged, step: StepContext): Promise<Written> {
  const announced = new Set<ReportSectionName>();
  const announce = (section: ReportSectionName) => {
    if (announced.has(section)) return;
    announced.add(section);
    step.stages.emit({ type: "section-written", section });
  };
  const report = await stage(step, "write", async (s) => {
    const written = await step.deps.writer.write(
      {
        claim: draft.claim,
        plan: draft.plan,
        sources: draft.sources,
        passages: draft.passages,
        assessments: [...draft.assessed, ...draft.priorAssessments],
        verdict: draft.verdict,
        foundBy: draft.foundBy,
      },
      s,
      step.ledger.stageRun("write"),
      announce,
    );
    // A writer that does not report its sections has written them all by now.
    for (const section of SECTIONS) announce(section);
    return written;
  });
  return { ...draft, report };
}

export async function verify(draft: Written, step: StepContext): Promise<Written> {
  const report = await stage(step, "verify", (s) =>
    step.deps.verifier.verify(
      {
        claim: draft.claim,
        report: draft.report,
        passages: draft.passages,
        sources: draft.sources,
      },
      s,
      step.ledger.stageRun("verify"),
    ),
  );
  return { ...draft, report };
}
