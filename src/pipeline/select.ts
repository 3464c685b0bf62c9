// Stage 5: the passages worth reading — BM25 against the claim (each sentence read with its
// document's title), MMR for diversity, and a cap per source so one document cannot fill the
// report. Each passage is marked with its part of a structured abstract and with where its
// document names what the claim is about.
import type { Claim } from "../core/schema/claim.js";
import type { Passage, PassageSection, SubjectFound } from "../core/schema/document.js";
import { isAimSentence, NON_EVIDENCE_SECTIONS, sectionsOf } from "../text/abstract-sections.js";
import { jaccard, scoreTexts } from "../text/bm25.js";
import {
  type ClaimSubject,
  claimSubject,
  definedAbbreviations,
  mentionsSubject,
} from "../text/claim-subject.js";
import { stemWord, tokenize } from "../text/passage-match.js";
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
  /** How much a claim term found only in a sentence's document title counts towards its coverage. */
  titleWeight: number;
  /** Relevance factor of a background, objective, methods or funding sentence, or an aim. */
  setupWeight: number;
  /** A document of at most this many words is one passage (a short answer, a justification). */
  wholeDocumentWords: number;
}

// Chosen on train claims: coverage 0.15 over 12 sources with the title counting half keeps the
// evidence abstract for 91 % of SciFact train claims (84 % at 0.25 over 8, sentence alone) and
// raised evidence recall on the AVeriTeC train part from 0.29 to 0.58 (short answers, read
// with their question); a document of up to 60 words (an answer, a note) is one passage.
export const DEFAULT_SELECT: SelectOptions = {
  maxSources: 12,
  perSource: 3,
  minCoverage: 0.15,
  lambda: 0.75,
  titleWeight: 0.5,
  setupWeight: 1,
  wholeDocumentWords: 60,
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
  section: PassageSection | undefined;
}

/** Picks passages from the documents read, and numbers the sources they come from. */
export function selectPassages(
  claim: Claim,
  documents: readonly ReadDocument[],
  options: Partial<SelectOptions> = {},
): Selection {
  const opts = { ...DEFAULT_SELECT, ...options };
  const candidates = sentenceCandidates(claim, documents, opts);
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
  const subject = claimSubject(claim.normalized);
  const found = subjectFinder(subject, documents);
  const passages: Passage[] = picked.map((p) => ({
    sourceN: numbers.get(p.doc) ?? 0,
    documentId: documents[p.doc]?.document.id ?? "",
    text: p.text,
    start: p.start,
    end: p.end,
    score: round(p.relevance),
    ...(p.section ? { section: p.section } : {}),
    ...(subject ? { subjectFound: found(p.doc, p.text) } : {}),
  }));
  return { sources, passages };
}

/** Where each document names the claim's subject, for one passage of it at a time. */
function subjectFinder(
  subject: ClaimSubject | undefined,
  documents: readonly ReadDocument[],
): (doc: number, passage: string) => SubjectFound {
  const perDocument = new Map<
    number,
    { title: boolean; text: boolean; abbreviations: Map<string, string[]> }
  >();
  return (doc, passage) => {
    const read = documents[doc];
    if (!subject || !read) return "nowhere";
    let known = perDocument.get(doc);
    if (!known) {
      const abbreviations = definedAbbreviations(read.document.text);
      known = {
        abbreviations,
        title: mentionsSubject(subject, read.document.title, abbreviations),
        text: mentionsSubject(subject, read.document.text, abbreviations),
      };
      perDocument.set(doc, known);
    }
    if (mentionsSubject(subject, passage, known.abbreviations)) return "passage";
    if (known.title) return "title";
    return known.text ? "document" : "nowhere";
  };
}

/** The stems the claim is searched by: its key terms and the words of its entities. */
export function claimStems(claim: Claim): string[] {
  const terms = [...claim.keyTerms, ...claim.entities.flatMap((e) => words(e))];
  return [...new Set(terms.map(stemWord))];
}

function sentenceCandidates(
  claim: Claim,
  documents: readonly ReadDocument[],
  opts: SelectOptions,
): Candidate[] {
  const raw: Array<Omit<Candidate, "relevance" | "coverage" | "stems">> = [];
  const titles: Array<Set<string> | undefined> = [];
  documents.forEach((read, doc) => {
    const text = read.document.text;
    const title = new Set(tokenize(read.document.title).map((t) => t.stem));
    const spans = splitSentences(text);
    const wordCount = tokenize(text).length;
    // A short document is one piece of evidence: an answer read apart from its question, or
    // a justification cut into sentences, loses what makes it evidence.
    if (wordCount > 0 && wordCount <= opts.wholeDocumentWords && spans.length > 0) {
      const start = spans[0]?.start ?? 0;
      const end = spans[spans.length - 1]?.end ?? text.length;
      raw.push({ doc, start, end, text: text.slice(start, end), section: undefined });
      titles.push(title);
      return;
    }
    const sentences = spans.map((span) => text.slice(span.start, span.end));
    const sections = sectionsOf(sentences);
    spans.forEach((span, i) => {
      raw.push({
        doc,
        start: span.start,
        end: span.end,
        text: sentences[i] ?? "",
        section: sections[i],
      });
      titles.push(title);
    });
  });
  const scored = scoreTexts(
    raw.map((c) => c.text),
    claimStems(claim),
    { context: titles, contextWeight: opts.titleWeight },
  );
  const maxScore = Math.max(1e-9, ...scored.map((s) => s.score));
  return raw.map((c, i) => {
    const s = scored[i];
    const searchRank = documents[c.doc]?.searchRank ?? documents.length;
    // Mostly how well the sentence matches the claim, a little how well its document ranked.
    const relevance = s
      ? 0.45 * s.coverage + 0.45 * (s.score / maxScore) + 0.1 / Math.sqrt(searchRank)
      : 0;
    // A background, method or aim sentence sets a study up; its findings are elsewhere.
    const setup = (c.section && NON_EVIDENCE_SECTIONS.has(c.section)) || isAimSentence(c.text);
    return {
      ...c,
      relevance: s && s.score > 0 ? relevance * (setup ? opts.setupWeight : 1) : 0,
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
