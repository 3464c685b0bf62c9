// Stage 9: every sentence checked against what it rests on; unsupported ones are dropped.
import type { Verifier, VerifyInput } from "../core/interfaces/verifier.js";
import type { Passage } from "../core/schema/document.js";
import type { Report, ReportParagraph, ReportSentence } from "../core/schema/report.js";
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

export interface VerifyOptions {
  /** A sentence's support, 0..1; the lexical score when absent or when it returns undefined. */
  score?: (sentence: ReportSentence) => number | undefined;
  /** Recorded as the report's verifier. */
  verifier?: string;
}

/**
 * Scores every sentence (0..1) and drops those below the threshold, except that a section
 * never loses its last sentence: that one is kept and flagged (its support shows it).
 */
export function verifyReport(
  { claim, report, passages }: VerifyInput,
  options: VerifyOptions = {},
): Report {
  let total = 0;
  let supported = 0;
  let dropped = 0;
  let flagged = 0;
  const citedNumbers = new Set(passages.map((p) => p.sourceN));
  const check = (paragraphs: readonly ReportParagraph[]): ReportParagraph[] => {
    const scored = paragraphs.map((p) =>
      (p.sentences ?? [{ text: p.text, cites: p.cites, basis: "sources" as const }]).map((s) => ({
        ...s,
        support: round(
          // A citation of a source the check did not keep is never support, whoever scores.
          s.cites.some((n) => !citedNumbers.has(n))
            ? 0
            : (options.score?.(s) ?? supportOf(s, passages, citedNumbers, claim.normalized)),
        ),
      })),
    );
    const kept = scored.map((sentences) => sentences.filter((s) => s.support >= SUPPORT_THRESHOLD));
    const sectionEmpty = kept.every((k) => k.length === 0);
    const out: ReportParagraph[] = [];
    scored.forEach((sentences, i) => {
      let keep = kept[i] ?? [];
      total += sentences.length;
      supported += keep.length;
      if (sectionEmpty && i === 0 && sentences.length > 0) {
        keep = sentences.slice(0, 1);
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
  const summary = check(report.summary);
  const missingContext = check(report.missingContext);
  const bias = check(report.bias);
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
    },
  };
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
