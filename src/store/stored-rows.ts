// A stored document, a stored check and a version's summary as rows, decoded into the domain's values: the mapping
// every store shares once its driver has decoded JSON columns (SQLite keeps JSON as text and
// parses it first; PostgreSQL's jsonb arrives decoded).
import type { VersionSummary } from "../core/interfaces/check-store.js";
import { type Check, ClaimOrigin } from "../core/schema/check.js";
import type { Document } from "../core/schema/document.js";
import type { VerdictLabel } from "../core/schema/verdict.js";

export interface DocumentRow {
  id: string;
  title: string;
  text: string;
  url: string | null;
  published_at: string | null;
  publisher: string | null;
  metadata: Record<string, unknown>;
  content_hash: string;
  ingested_at: string;
}

export function documentOf(row: DocumentRow): Document {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.published_at === null ? {} : { publishedAt: row.published_at }),
    ...(row.publisher === null ? {} : { publisher: row.publisher }),
    metadata: row.metadata,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}

export interface CheckRow {
  id: string;
  input: string;
  kind: "claim" | "question";
  created_at: string;
  freshness_days: number | null;
  /** Decoded JSON, validated here. */
  origin: unknown;
}

export function checkOf(row: CheckRow): Check {
  return {
    id: row.id,
    input: row.input,
    kind: row.kind,
    createdAt: row.created_at,
    ...(row.origin === null ? {} : { origin: ClaimOrigin.parse(row.origin) }),
    ...(row.freshness_days === null ? {} : { freshnessDays: row.freshness_days }),
  };
}

/** A version's line in a history: its verdict, source count and the tally of its ratings. */
export interface SummaryRow {
  n: number;
  checked_at: string;
  verdict_label: string;
  verdict_confidence: number;
  sources: number;
  helpful: number;
  not_helpful: number;
}

export function summaryOf(row: SummaryRow): VersionSummary {
  return {
    n: row.n,
    checkedAt: row.checked_at,
    verdict: { label: row.verdict_label as VerdictLabel, confidence: row.verdict_confidence },
    sources: row.sources,
    feedback: { helpful: row.helpful, notHelpful: row.not_helpful },
  };
}
