// Training pairs the way the pipeline meets them: each train claim is searched and read over its
// benchmark's corpus with the real stages, and every sentence select would offer the stance
// model becomes a pair — the annotated evidence sentences as agree/disagree, the other sentences
// of the cited abstracts as discuss (topical, not evidence: the hard negatives today's model
// failed on), and sentences of other abstracts the search brought up as unrelated.
import type { Passage } from "../dist/core/schema/document.js";
import { planQueries } from "../dist/pipeline/plan.js";
import { type ReadDocument, readHits } from "../dist/pipeline/read.js";
import { searchPlan } from "../dist/pipeline/search.js";
import { selectPassages } from "../dist/pipeline/select.js";
import { understandText } from "../dist/pipeline/understand.js";
import { CorpusReader } from "../dist/read/corpus-reader.js";
import { LocalSearchProvider } from "../dist/search/local-provider.js";
import type { StanceLabel } from "../dist/stance/labels.js";
import { openSqliteStore } from "../dist/store/sqlite/open.js";
import { mulberry32 } from "../dist/text/prng.js";
import type { EvidenceClaim, EvidenceSet, SentenceDocument } from "./evidence-sets.ts";
import type { LabelledPair, PairSource } from "./science-data.ts";

/** What the pipeline read for one claim, in search order. */
export interface RetrievedClaim {
  claim: EvidenceClaim;
  documents: ReadDocument[];
}

// As the check reads them (DEFAULT_LIMITS): 20 hits per query, 20 documents read.
const HITS_PER_QUERY = 20;
const DOCUMENTS_READ = 20;

/** Searches and reads every claim of `set` over its own corpus, as `runCheck` would. */
export async function retrieveClaims(
  set: EvidenceSet,
  claims: readonly EvidenceClaim[] = set.claims,
  onProgress?: (done: number, total: number) => void,
): Promise<RetrievedClaim[]> {
  const store = openSqliteStore(":memory:");
  try {
    await store.corpus.upsertDocuments(
      set.documents.map((d) => ({ id: d.id, title: d.title, text: d.sentences.join(" ") })),
    );
    const providers = [new LocalSearchProvider(store.corpus)];
    const readers = [new CorpusReader(store.corpus)];
    const out: RetrievedClaim[] = [];
    for (const [i, claim] of claims.entries()) {
      const understood = understandText(claim.text);
      const searched = await searchPlan(planQueries(understood), providers, {
        hitsPerQuery: HITS_PER_QUERY,
      });
      const read = await readHits(searched.hits, readers, { limit: DOCUMENTS_READ });
      out.push({ claim, documents: read.documents });
      onProgress?.(i + 1, claims.length);
    }
    return out;
  } finally {
    await store.close();
  }
}

export interface CandidateOptions {
  /** Unrelated sentences kept per claim, the best-matching first (the hard ones). */
  unrelatedTop: number;
  /** And this many more, drawn at random from the rest. */
  unrelatedRandom: number;
  /** And this many sentences of random abstracts of the corpus (the easy ones: another topic). */
  offTopic: number;
  seed: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = {
  unrelatedTop: 15,
  unrelatedRandom: 3,
  offTopic: 2,
  seed: 7,
};

/** Every candidate sentence select offers for the claim, with its context, labelled. */
export function candidatePairs(
  retrieved: readonly RetrievedClaim[],
  set: EvidenceSet,
  source: PairSource,
  options: Partial<CandidateOptions> = {},
): LabelledPair[] {
  const opts = { ...DEFAULT_CANDIDATES, ...options };
  const random = mulberry32(opts.seed);
  const byId = new Map(set.documents.map((d) => [d.id, d]));
  const out: LabelledPair[] = [];
  for (const { claim, documents } of retrieved) {
    const understood = understandText(claim.text);
    const statement = understood.statement ?? understood.normalized;
    const offered = offeredSentences(understood, documents);
    const labelled = offered.map((o) => ({ ...o, label: labelOf(claim, o, byId) }));
    const pair = (o: (typeof labelled)[number]): LabelledPair => ({
      claim: statement,
      text: o.passage.text,
      context: {
        title: o.title,
        ...(o.passage.section ? { section: o.passage.section } : {}),
        ...(o.passage.subjectFound ? { subjectFound: o.passage.subjectFound } : {}),
      },
      label: o.label,
      group: claim.group,
      source,
    });
    for (const o of labelled) if (o.label !== "unrelated") out.push(pair(o));
    const unrelated = labelled
      .filter((o) => o.label === "unrelated")
      .sort((a, b) => b.passage.score - a.passage.score);
    for (const o of unrelated.slice(0, opts.unrelatedTop)) out.push(pair(o));
    const rest = unrelated.slice(opts.unrelatedTop);
    for (let k = 0; k < opts.unrelatedRandom && rest.length > 0; k++) {
      const [drawn] = rest.splice(Math.floor(random() * rest.length), 1);
      if (drawn) out.push(pair(drawn));
    }
    // A sentence on another topic altogether must read as unrelated too, not as evidence.
    for (let k = 0; k < opts.offTopic && set.documents.length > 0; k++) {
      const doc = set.documents[Math.floor(random() * set.documents.length)];
      const sentence = doc?.sentences[Math.floor(random() * (doc?.sentences.length ?? 0))];
      if (!doc || !sentence || claim.cited.includes(doc.id) || claim.evidence.has(doc.id)) continue;
      out.push({
        claim: statement,
        text: sentence,
        context: { title: doc.title, subjectFound: "nowhere" },
        label: "unrelated",
        group: claim.group,
        source,
      });
    }
    // Evidence in abstracts the search did not read is still evidence the model should know.
    const read = new Set(documents.map((d) => d.document.id));
    for (const [docId, sentences] of claim.evidence) {
      if (read.has(docId) || sentences.length === 0) continue;
      const doc = byId.get(docId);
      if (!doc) continue;
      for (const o of offeredSentences(understood, [asRead(doc)])) {
        if (labelOf(claim, o, byId) !== "discuss" || !isEvidence(claim, o, doc)) continue;
        out.push(pair({ ...o, label: claim.gold === "SUPPORT" ? "agree" : "disagree" }));
      }
    }
  }
  return out;
}

interface Offered {
  passage: Passage;
  title: string;
}

/** The sentences select would consider, each with its section, subject mention and relevance. */
function offeredSentences(
  claim: ReturnType<typeof understandText>,
  documents: readonly ReadDocument[],
): Offered[] {
  const selection = selectPassages(claim, documents, {
    minCoverage: 0,
    maxSources: documents.length,
    perSource: 1000,
    lambda: 1,
  });
  const titles = new Map(selection.sources.map((s) => [s.n, s.read.document.title]));
  return selection.passages.map((passage) => ({
    passage,
    title: titles.get(passage.sourceN) ?? "",
  }));
}

function labelOf(
  claim: EvidenceClaim,
  o: Offered,
  byId: ReadonlyMap<string, SentenceDocument>,
): StanceLabel {
  const doc = byId.get(o.passage.documentId);
  if (doc && claim.evidence.has(doc.id)) {
    if (isEvidence(claim, o, doc)) return claim.gold === "SUPPORT" ? "agree" : "disagree";
    return "discuss";
  }
  return claim.cited.includes(o.passage.documentId) ? "discuss" : "unrelated";
}

/** Whether the offered sentence starts inside one of the claim's evidence sentences. */
function isEvidence(claim: EvidenceClaim, o: Offered, doc: SentenceDocument): boolean {
  const wanted = claim.evidence.get(doc.id) ?? [];
  let at = 0;
  for (const [i, sentence] of doc.sentences.entries()) {
    const end = at + sentence.length;
    if (o.passage.start < end + 1) return wanted.includes(i);
    at = end + 1;
  }
  return false;
}

function asRead(doc: SentenceDocument): ReadDocument {
  const text = doc.sentences.join(" ");
  return {
    document: {
      id: doc.id,
      title: doc.title,
      text,
      metadata: {},
      contentHash: "0".repeat(64),
      ingestedAt: "2026-01-01T00:00:00.000Z",
    },
    hit: {
      key: doc.id,
      hit: {
        providerId: "local",
        query: "",
        rank: 1,
        score: 0,
        title: doc.title,
        snippet: "",
        documentId: doc.id,
      },
      score: 1,
      queries: [],
    },
    searchRank: DOCUMENTS_READ,
  };
}
