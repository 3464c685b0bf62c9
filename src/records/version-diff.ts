// What changed between two versions of a check: verdict, sources (by content hash) and the
// report's sentences (compared without their citation numbers, which a refresh renumbers).
import type { CheckVersion } from "../core/schema/check.js";
import type { ReportSectionName } from "../core/schema/report.js";
import type { Source } from "../core/schema/source.js";
import type { VerdictLabel } from "../core/schema/verdict.js";

export interface SourceChange {
  title: string;
  /** URL or corpus id: what makes two versions' sources the same source. */
  key: string;
  /** Citation numbers in the older and newer version, where present. */
  before?: number;
  after?: number;
}

export interface SentenceChange {
  section: ReportSectionName;
  text: string;
}

export interface VersionDiff {
  from: number;
  to: number;
  verdict: {
    before: { label: VerdictLabel; confidence: number };
    after: { label: VerdictLabel; confidence: number };
    labelChanged: boolean;
    /** after − before, in confidence points (0..1 scale). */
    confidenceChange: number;
  };
  sources: {
    added: SourceChange[];
    removed: SourceChange[];
    /** Same source, different content hash: its text changed since the older version. */
    changed: SourceChange[];
    unchanged: number;
  };
  sentences: { added: SentenceChange[]; removed: SentenceChange[] };
}

const SECTIONS: readonly ReportSectionName[] = ["summary", "missingContext", "bias"];

/** The differences from `older` to `newer` (both versions of one check). */
export function diffVersions(older: CheckVersion, newer: CheckVersion): VersionDiff {
  const before = new Map(older.sources.map((s) => [sourceKey(s), s]));
  const after = new Map(newer.sources.map((s) => [sourceKey(s), s]));
  const sources: VersionDiff["sources"] = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, s] of after) {
    const old = before.get(key);
    if (!old) sources.added.push({ title: s.title, key, after: s.n });
    else if (old.contentHash !== s.contentHash)
      sources.changed.push({ title: s.title, key, before: old.n, after: s.n });
    else sources.unchanged++;
  }
  for (const [key, s] of before) {
    if (!after.has(key)) sources.removed.push({ title: s.title, key, before: s.n });
  }
  const sentences: VersionDiff["sentences"] = { added: [], removed: [] };
  for (const section of SECTIONS) {
    const was = sentencesOf(older, section);
    const is = sentencesOf(newer, section);
    const wasKeys = new Set(was.map(comparable));
    const isKeys = new Set(is.map(comparable));
    for (const text of is)
      if (!wasKeys.has(comparable(text))) sentences.added.push({ section, text });
    for (const text of was)
      if (!isKeys.has(comparable(text))) sentences.removed.push({ section, text });
  }
  return {
    from: older.n,
    to: newer.n,
    verdict: {
      before: { label: older.verdict.label, confidence: older.verdict.confidence },
      after: { label: newer.verdict.label, confidence: newer.verdict.confidence },
      labelChanged: older.verdict.label !== newer.verdict.label,
      confidenceChange: newer.verdict.confidence - older.verdict.confidence,
    },
    sources,
    sentences,
  };
}

/** True when nothing a reader would notice changed. */
export function isUnchanged(diff: VersionDiff): boolean {
  const { sources, sentences, verdict } = diff;
  return (
    !verdict.labelChanged &&
    Math.round(verdict.confidenceChange * 100) === 0 &&
    sources.added.length + sources.removed.length + sources.changed.length === 0 &&
    sentences.added.length + sentences.removed.length === 0
  );
}

function sourceKey(source: Source): string {
  return (
    source.url ?? (source.documentId ? `corpus:${source.documentId}` : `title:${source.title}`)
  );
}

function sentencesOf(version: CheckVersion, section: ReportSectionName): string[] {
  return version.report[section].flatMap((p) =>
    p.sentences ? p.sentences.map((s) => s.text) : [p.text],
  );
}

/** A sentence without citation markers or spacing differences. */
function comparable(text: string): string {
  return text
    .replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
