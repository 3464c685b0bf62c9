// Stage 9: every sentence checked against what it rests on; unsupported ones are dropped, and
// so are sentences stating numbers, dates or names their passages do not contain, and quotes
// framed as support or contradiction that the stance model does not read that way.
import type { Assessor } from "../core/interfaces/assessor.js";
import type { Verifier, VerifyInput } from "../core/interfaces/verifier.js";
import type { Passage } from "../core/schema/document.js";
import type {
  Report,
  ReportParagraph,
  ReportSectionName,
  ReportSentence,
  UnsupportedFacts,
} from "../core/schema/report.js";
import { missingFacts } from "../text/fact-tokens.js";
import { stemWord } from "../text/passage-match.js";
import { isStopword, words } from "../text/query-terms.js";

/** Below this support a sentence is not shown as fact. */
export const SUPPORT_THRESHOLD = 0.6;

// The writer's own framing words: they carry no claim about the source's content.
const FRAME = new Set(
  (
    "one source states support against it mixed for context is are search found none them " +
    "confirms disputes claim question evidence"
  ).split(" "),
);

/** The offline verifier: lexical overlap of each sentence with the passages it cites. */
export const lexicalVerifier: Verifier = {
  id: "lexical@1",
  async verify(input: VerifyInput): Promise<Report> {
    return verifyReport(input);
  },
};

// The writer's framings that say which way a quote points: "In support, one source states:".
const FRAMED = /^(In support|Against it), one source states: "([^"]+)" \[(\d+)\]$/;

/**
 * The lexical verifier that also checks the framing of each quote: "In support, one source
 * states: X" holds only when `reader` (the stance model's own standard) reads X, on its own,
 * as supporting the claim, and "Against it…" only when it reads X as contradicting it.
 */
export function createFramingVerifier(reader: Assessor): Verifier {
  const id = `lexical+framing:${reader.id}`;
  return {
    id,
    async verify(input: VerifyInput, signal?: AbortSignal): Promise<Report> {
      const framing = await readFramings(input, reader, signal);
      return verifyReport(input, { verifier: id, framing });
    },
  };
}

/** For each framed quote of the report, whether the reader reads it the way it is framed. */
async function readFramings(
  input: VerifyInput,
  reader: Assessor,
  signal?: AbortSignal,
): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  const sentences = (["summary", "missingContext", "bias"] as const).flatMap((k) =>
    input.report[k].flatMap((p) => p.sentences ?? []),
  );
  for (const sentence of sentences) {
    const m = FRAMED.exec(sentence.text);
    if (!m || out.has(sentence.text)) continue;
    const n = Number(m[3]);
    const quote = (m[2] ?? "").replace(/…$/, "");
    const passage = input.passages.find((p) => p.sourceN === n && p.text.includes(quote));
    const source = input.sources?.find((s) => s.n === n);
    if (!passage || !source) continue;
    const [reading] = await reader.assess(
      { claim: input.claim, sources: [source], passages: [passage] },
      signal,
    );
    const wanted = m[1] === "In support" ? "supports" : "refutes";
    out.set(sentence.text, reading?.stance === wanted || reading?.stance === "mixed");
  }
  return out;
}

export interface VerifyOptions {
  /** A sentence's support, 0..1; the lexical score when absent or when it returns undefined. */
  score?: (sentence: ReportSentence) => number | undefined;
  /** Recorded as the report's verifier. */
  verifier?: string;
  /** Framed quotes (by sentence text) and whether their framing was borne out. */
  framing?: ReadonlyMap<string, boolean>;
}

/**
 * Scores every sentence (0..1) and drops those below the threshold, except that a section
 * never loses its last sentence: that one is kept and flagged (its support shows it). Whoever
 * scores, a sentence from the sources that states numbers, dates or names its cited passages
 * do not contain loses the clauses that hold them, or is dropped (never kept as the last one),
 * and the verification lists it with the facts not found.
 */
export function verifyReport(
  { claim, report, passages }: VerifyInput,
  options: VerifyOptions = {},
): Report {
  let total = 0;
  let supported = 0;
  let dropped = 0;
  let flagged = 0;
  const findings: UnsupportedFacts[] = [];
  const citedNumbers = new Set(passages.map((p) => p.sourceN));
  const names = claim.language === "en";
  const check = (
    section: ReportSectionName,
    paragraphs: readonly ReportParagraph[],
  ): ReportParagraph[] => {
    const invented = new Set<ReportSentence>();
    const scored = paragraphs.map((p) =>
      (p.sentences ?? [{ text: p.text, cites: p.cites, basis: "sources" as const }]).map((s) => {
        const facts = factsOf(s, passages, names);
        if (facts) {
          const { trimmed } = facts;
          findings.push({
            section,
            text: s.text,
            missing: facts.missing,
            outcome: trimmed ? "trimmed" : "dropped",
          });
          if (!trimmed) {
            const out = { ...s, support: 0 };
            invented.add(out);
            return out;
          }
        }
        const text = facts?.trimmed ?? s;
        return {
          ...text,
          support: round(
            // A citation of a source the check did not keep is never support, whoever scores.
            s.cites.some((n) => !citedNumbers.has(n)) || options.framing?.get(s.text) === false
              ? 0
              : // A part of a sentence is borne out at least as well as the whole was.
                (options.score?.(s) ?? supportOf(text, passages, citedNumbers, claim.normalized)),
          ),
        };
      }),
    );
    const kept = scored.map((sentences) => sentences.filter((s) => s.support >= SUPPORT_THRESHOLD));
    const sectionEmpty = kept.every((k) => k.length === 0);
    // The sentence kept, flagged, when none passes: never one with invented facts.
    const lastResort = sectionEmpty ? scored.flat().find((s) => !invented.has(s)) : undefined;
    const out: ReportParagraph[] = [];
    scored.forEach((sentences, i) => {
      let keep = kept[i] ?? [];
      total += sentences.length;
      supported += keep.length;
      if (lastResort && sentences.includes(lastResort)) {
        keep = [lastResort];
        flagged++;
      }
      dropped += sentences.length - keep.length;
      if (keep.length === 0) return;
      out.push({
        text: keep.map((s) => s.text).join(" "),
        cites: [...new Set(keep.flatMap((s) => s.cites))].sort((a, b) => a - b),
        support: Math.min(...keep.map((s) => s.support)),
        sentences: keep,
      });
    });
    return out;
  };
  const summary = check("summary", report.summary);
  const missingContext = check("missingContext", report.missingContext);
  const bias = check("bias", report.bias);
  return {
    ...report,
    summary,
    missingContext,
    bias,
    verification: {
      verifier: options.verifier ?? lexicalVerifier.id,
      sentences: total,
      supported,
      dropped,
      flagged,
      threshold: SUPPORT_THRESHOLD,
      supportedShare: total === 0 ? 1 : round(supported / total),
      ...(findings.length > 0 ? { unsupportedFacts: findings } : {}),
    },
  };
}

/**
 * For a sentence from the sources that states numbers, dates or names its cited passages do not
 * contain: those facts, and the sentence without its last `;`-separated clauses when they hold
 * every one of them (the only cut that cannot change what the rest says); undefined when all
 * its facts are found.
 */
export function factsOf(
  sentence: ReportSentence,
  passages: readonly Passage[],
  names: boolean,
): { missing: string[]; trimmed?: ReportSentence } | undefined {
  if (sentence.basis !== "sources" || sentence.cites.length === 0) return undefined;
  const evidence = passages.filter((p) => sentence.cites.includes(p.sourceN)).map((p) => p.text);
  const missing = missingFacts(sentence.text, evidence, { names });
  if (missing.length === 0) return undefined;
  const marks = /(?:\s*\[\d+\])+\s*$/.exec(sentence.text)?.[0] ?? "";
  const clauses = sentence.text.slice(0, sentence.text.length - marks.length).split(/;\s+/);
  for (let keep = clauses.length - 1; keep > 0; keep--) {
    const head = clauses
      .slice(0, keep)
      .join("; ")
      .replace(/[\s,;:]+$/, "");
    if (missingFacts(head, evidence, { names }).length > 0) continue;
    const text = `${/[.!?]$/.test(head) ? head : `${head}.`}${marks}`;
    return { missing, trimmed: { ...sentence, text } };
  }
  return { missing };
}

/** How well the sentence's basis bears it out, 0..1. */
export function supportOf(
  sentence: ReportSentence,
  passages: readonly Passage[],
  sourceNumbers: ReadonlySet<number>,
  input: string,
): number {
  // A sentence may only cite sources the check kept.
  if (sentence.cites.some((n) => !sourceNumbers.has(n))) return 0;
  if (sentence.basis === "input") return quotedIn(sentence.text, input) ? 1 : 0;
  if (sentence.basis === "search") return 1;
  const cited = passages.filter((p) => sentence.cites.includes(p.sourceN));
  if (cited.length === 0) return 0;
  const quote = /"([^"]+)"/.exec(sentence.text)?.[1];
  if (quote) {
    const body = quote.replace(/…$/, "");
    if (cited.some((p) => normalizeSpace(p.text.replace(/"/g, "'")).includes(normalizeSpace(body))))
      return 1;
  }
  // Otherwise: the share of the sentence's content stems that its cited passages contain.
  const stems = contentStems(sentence.text.replace(/\[\d+\]/g, ""));
  if (stems.length === 0) return 0;
  const available = new Set(cited.flatMap((p) => contentStems(p.text)));
  return stems.filter((s) => available.has(s)).length / stems.length;
}

/** Whether every double-quoted span of a sentence about the input occurs in the input. */
function quotedIn(text: string, input: string): boolean {
  const lower = input.toLowerCase();
  return [...text.matchAll(/"([^"]+)"/g)].every((m) => lower.includes((m[1] ?? "").toLowerCase()));
}

function contentStems(text: string): string[] {
  return [
    ...new Set(
      words(text)
        .filter((w) => !isStopword(w) && !FRAME.has(w))
        .map(stemWord),
    ),
  ];
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
