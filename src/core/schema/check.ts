// A check, its dated versions, and readers' feedback on them.
import { z } from "zod";
import { CheckNote } from "./check-note.js";
import { Claim, InputKind } from "./claim.js";
import { Passage } from "./document.js";
import { QueryPlan } from "./query-plan.js";
import { Report } from "./report.js";
import { Source } from "./source.js";
import { SourceAssessment } from "./source-assessment.js";
import { Verdict } from "./verdict.js";

/** Stable id: a readable slug plus a short hash of the normalised input. */
export const CheckId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8}$/,
    "a check id looks like `masks-reduce-covid-1a2b3c4d`",
  );
export type CheckId = z.infer<typeof CheckId>;

/** Who made the claim and where it was seen, when the person checking it knows (ClaimReview). */
export const ClaimOrigin = z.object({
  /** Person or organisation that made the claim. */
  author: z.string().min(1).max(200).optional(),
  /** Where the claim appeared (an article, a post, a video). */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** When the claim was made, as YYYY-MM-DD. */
  date: z.iso.date().optional(),
});
export type ClaimOrigin = z.infer<typeof ClaimOrigin>;

/** Days a version stays fresh when neither the check nor the configuration says otherwise. */
export const DEFAULT_FRESHNESS_DAYS = 30;
export const FreshnessDays = z.number().int().min(1).max(3650);

export const Check = z.object({
  id: CheckId,
  input: z.string().min(1),
  kind: InputKind,
  createdAt: z.iso.datetime(),
  origin: ClaimOrigin.optional(),
  /** This check's own freshness window, overriding the configured one. */
  freshnessDays: FreshnessDays.optional(),
});
export type Check = z.infer<typeof Check>;

/** What produced a version: enough to tell whether two versions are comparable. */
export const SettingsFingerprint = z.object({
  providers: z.array(z.string()),
  models: z.array(z.string()),
  promptVersion: z.string(),
  /** Limits that change what a check keeps (e.g. the most sources), when not the defaults. */
  limits: z.record(z.string(), z.number()).optional(),
  /** The source policy, when there is one: allowed/denied domains, the as-of date. */
  policy: z.string().optional(),
});
export type SettingsFingerprint = z.infer<typeof SettingsFingerprint>;

export const StageTiming = z.object({ stage: z.string(), ms: z.number().nonnegative() });
export const TokenUse = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
});

/** Model calls one stage made, and what they cost. */
export const StageUsage = z.object({
  stage: z.string(),
  model: z.string(),
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** Estimated from the price table; absent when the model's price is unknown. */
  costUsd: z.number().nonnegative().optional(),
  /** Citations of sources that do not exist, removed from the model's output. */
  removedCitations: z.number().int().nonnegative().default(0),
});
export type StageUsage = z.infer<typeof StageUsage>;

/** A stage that used its offline implementation instead of the model, and why. */
export const StageFallback = z.object({ stage: z.string(), reason: z.string() });
export type StageFallback = z.infer<typeof StageFallback>;

export const CheckVersionStatus = z.enum(["running", "done", "failed"]);

export const CheckVersion = z.object({
  checkId: CheckId,
  n: z.number().int().positive(),
  checkedAt: z.iso.datetime(),
  status: CheckVersionStatus,
  claim: Claim,
  plan: QueryPlan,
  sources: z.array(Source),
  passages: z.array(Passage),
  assessments: z.array(SourceAssessment),
  verdict: Verdict,
  report: Report,
  settings: SettingsFingerprint,
  timings: z.array(StageTiming),
  tokens: TokenUse,
  /** Model calls per stage (empty for an offline check). */
  usage: z.array(StageUsage).default([]),
  /** Stages that fell back from the model to their offline implementation. */
  fallbacks: z.array(StageFallback).default([]),
  /** Recoverable problems met on the way (a provider skipped, a fallback taken). */
  notes: z.array(z.string()),
  /**
   * The same notes with their stage and code, in the same order. Absent from versions stored
   * before notes were structured; readers of those fall back to `notes`.
   */
  noteDetails: z.array(CheckNote).optional(),
  /**
   * Search providers that failed on every query (the web unreachable, say): what they would
   * have found is missing, which a reader must know before the verdict. Absent when none.
   */
  unsearched: z.array(z.object({ provider: z.string(), reason: z.string() })).optional(),
});
export type CheckVersion = z.infer<typeof CheckVersion>;

export const MAX_COMMENT_CHARS = 2000;

export const Feedback = z.object({
  checkId: CheckId,
  version: z.number().int().positive(),
  helpful: z.boolean(),
  /** Plain text as the reader wrote it (control characters removed); renderers escape it. */
  comment: z.string().max(MAX_COMMENT_CHARS).optional(),
  createdAt: z.iso.datetime(),
});
export type Feedback = z.infer<typeof Feedback>;
