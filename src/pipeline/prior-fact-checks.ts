// Earlier fact-checks by other publishers are their own group: read beside the evidence, listed
// and mentioned in the report, numbered after the evidence, never weighed. Everything the
// pipeline does differently for them is here.
import type { Passage } from "../core/schema/document.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import type { ReadDocument } from "./read.js";
import type { FusedHit } from "./search.js";
import type { SelectedSource } from "./select.js";

/** Earlier fact-checks listed with a check at most. */
export const MAX_PRIOR_FACT_CHECKS = 5;

/** The hits worth reading: the best evidence hits, and a few earlier fact-checks apart. */
export function splitHits(
  hits: readonly FusedHit[],
  documentsToRead: number,
): { evidence: FusedHit[]; priorChecks: FusedHit[] } {
  return {
    evidence: hits.filter((h) => !h.hit.factCheck).slice(0, documentsToRead),
    priorChecks: hits.filter((h) => h.hit.factCheck).slice(0, MAX_PRIOR_FACT_CHECKS),
  };
}

/** Whether a read document is an earlier fact-check (its reader said so). */
export function isPriorFactCheck(read: ReadDocument): boolean {
  return read.priorFactCheck !== undefined;
}

/** The prior fact-checks as numbered sources, after the `evidenceCount` evidence sources. */
export function numberPriorChecks(
  reads: readonly ReadDocument[],
  evidenceCount: number,
): SelectedSource[] {
  return reads.map((read, i) => ({ read, n: evidenceCount + i + 1, relevance: 1 }));
}

/** A prior fact-check's one passage is its rating, which the report may cite. */
export function priorCheckPassages(priorChecks: readonly SelectedSource[]): Passage[] {
  return priorChecks.map(({ read, n }) => ({
    sourceN: n,
    documentId: read.document.id,
    text: read.document.text,
    start: 0,
    end: read.document.text.length,
    score: 1,
  }));
}

/** Each prior fact-check as context: listed, not weighed as evidence. */
export function priorCheckAssessments(priorChecks: readonly SelectedSource[]): SourceAssessment[] {
  return priorChecks.map(({ read, n }) => ({
    sourceN: n,
    stance: "context" as const,
    quote: read.document.text,
    reason: "An earlier fact-check by another publisher; listed, not weighed as evidence.",
    confidence: 1,
  }));
}
