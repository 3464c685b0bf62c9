// Stage 5: the passages worth reading — BM25 against the claim, MMR for diversity, and a cap
// per source so one document cannot fill the report.
import type { Claim } from "../core/schema/claim.js";
import type { Passage } from "../core/schema/document.js";
import { jaccard, scoreTexts } from "../text/bm25.js";
import { stemWord } from "../text/passage-match.js";
import { words } from "../text/query-terms.js";
import { splitSentences } from "../text/sentences.js";
import type { ReadDocument } from "./read.js";

export interface SelectOptions {
  /** Most sources kept (the report's [1]..[n]). */
  maxSources: number;
  /** Most passages per source. */
  perSource: number;
  /** A passage must contain at least this idf-weighted share of the claim's terms. */
  minCoverage: number;
  /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
  lambda: number;
}

export const DEFAULT_SELECT: SelectOptions = {
  maxSources: 8,
  perSource: 3,
  minCoverage: 0.25,
  lambda: 0.75,
};

export interface SelectedSource {
  read: ReadDocument;
  /** Citation number, 1-based, in order of the source's best passage. */
  n: number;
  /** Highest passage relevance, 0..1. */
  relevance: number;
}

export interface Selection {
  sources: SelectedSource[];
  /** Selected passages (sentences), each tagged with its source's number, best first. */
  passages: Passage[];
}

/** Stem overlap (Jaccard) at which a sentence counts as a copy of one already picked. */
const NEAR_DUPLICATE = 0.9;

interface Candidate {
  doc: number;
  start: number;
  end: number;
  text: string;
  relevance: number;
  coverage: number;
  stems: Set<string>;
}

/** Picks passages from the documents read, and numbers the sources they come from. */
export function selectPassages(
  claim: Claim,
  documents: readonly ReadDocument[],
  options: Partial<SelectOptions> = {},
): Selection {
  const opts = { ...DEFAULT_SELECT, ...options };
  const candidates = sentenceCandidates(claim, documents);
  const picked: Candidate[] = [];
  const perDoc = new Map<number, number>();
  const remaining = candidates.filter((c) => c.relevance > 0 && c.coverage >= opts.minCoverage);
  const maxPassages = opts.maxSources * opts.perSource;
  while (picked.length < maxPassages && remaining.length > 0) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, i) => {
      const count = perDoc.get(c.doc) ?? 0;
      if (count >= opts.perSource) return;
      if (count === 0 && perDoc.size >= opts.maxSources) return;
      const redundancy = Math.max(0, ...picked.map((p) => jaccard(p.stems, c.stems)));
      // The same sentence twice (a syndicated text, a repeated abstract) adds nothing.
      if (redundancy >= NEAR_DUPLICATE) return;
      const mmr = opts.lambda * c.relevance - (1 - opts.lambda) * redundancy;
      if (mmr > bestScore) {
        bestScore = mmr;
        best = i;
      }
    });
    if (best < 0) break;
    const [chosen] = remaining.splice(best, 1);
    if (!chosen) break;
    picked.push(chosen);
    perDoc.set(chosen.doc, (perDoc.get(chosen.doc) ?? 0) + 1);
  }
  const numbers = new Map<number, number>();
  for (const p of picked) if (!numbers.has(p.doc)) numbers.set(p.doc, numbers.size + 1);
  // Each kept source may add its best caveat ("however…", "limited…") beyond the cap: the
  // report's missing-context section is built from them.
  for (const doc of numbers.keys()) {
    const caveat = candidates
      .filter((c) => c.doc === doc && !picked.includes(c) && isCaveat(c.text))
      .filter((c) => c.coverage >= opts.minCoverage / 2)
      .sort((a, b) => b.relevance - a.relevance)[0];
    if (caveat) picked.push(caveat);
  }
  const sources: SelectedSource[] = [...numbers].map(([doc, n]) => {
    const read = documents[doc];
    if (!read) throw new Error(`selected document ${doc} is missing`);
    const relevance = Math.max(...picked.filter((p) => p.doc === doc).map((p) => p.relevance));
    return { read, n, relevance };
  });
  const passages: Passage[] = picked.map((p) => ({
    sourceN: numbers.get(p.doc) ?? 0,
    documentId: documents[p.doc]?.document.id ?? "",
    text: p.text,
    start: p.start,
    end: p.end,
    score: round(p.relevance),
  }));
  return { sources, passages };
}

/** The stems the claim is searched by: its key terms and the words of its entities. */
export function claimStems(claim: Claim): string[] {
  const terms = [...claim.keyTerms, ...claim.entities.flatMap((e) => words(e))];
  return [...new Set(terms.map(stemWord))];
}

function sentenceCandidates(claim: Claim, documents: readonly ReadDocument[]): Candidate[] {
  const raw: Array<Omit<Candidate, "relevance" | "coverage" | "stems">> = [];
  documents.forEach((read, doc) => {
    const text = read.document.text;
    for (const span of splitSentences(text)) {
      raw.push({ doc, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
  });
  const scored = scoreTexts(
    raw.map((c) => c.text),
    claimStems(claim),
  );
  const maxScore = Math.max(1e-9, ...scored.map((s) => s.score));
  return raw.map((c, i) => {
    const s = scored[i];
    const searchRank = documents[c.doc]?.searchRank ?? documents.length;
    // Mostly how well the sentence matches the claim, a little how well its document ranked.
    const relevance = s
      ? 0.45 * s.coverage + 0.45 * (s.score / maxScore) + 0.1 / Math.sqrt(searchRank)
      : 0;
    return {
      ...c,
      relevance: s && s.score > 0 ? relevance : 0,
      stems: s?.stems ?? new Set(),
      coverage: s?.coverage ?? 0,
    };
  });
}

// Words that qualify a finding: the sources' own caveats and alternative readings.
const CAVEAT =
  /\b(however|although|though|but|whereas|nevertheless|limited|limitations?|uncertain|unclear|inconsistent|inconclusive|insufficient|no significant|did not|does not|not associated|further (research|studies)|more research|caution|may not|controversial|debated?)\b/i;

/** Whether a sentence qualifies or questions a finding. */
export function isCaveat(text: string): boolean {
  return CAVEAT.test(text);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
