// Stage 8: the extractive report — the sources' own sentences, framed and cited, in the three
// sections of the fact-check page (docs/how-a-check-works.md).
import type { StageRun } from "../core/interfaces/stage-run.js";
import type { SectionWritten, WriteInput, Writer } from "../core/interfaces/writer.js";
import type { EvidenceBalance } from "../core/schema/evidence-balance.js";
import type { Report, ReportParagraph, ReportSentence } from "../core/schema/report.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import {
  credibilityNoteSentences,
  isPriorFactCheck,
  priorFactCheckSentence,
  sourceAgendaSentences,
} from "../sources/source-sentences.js";
import { citeList } from "../text/cite-list.js";
import { languageName } from "../text/language.js";
import { stemWord, tokenize } from "../text/passage-match.js";
import { balanceSentence, evidenceBalance, joinList } from "./evidence-balance.js";
import { framingOf } from "./framing.js";
import { relatedQuestions } from "./related-questions.js";
import { isCaveat } from "./select.js";

export const DISCLAIMER =
  "Factually can make mistakes. Please verify important information or breaking news.";

const MAX_QUOTE = 320;
const MAX_QUOTED_SOURCES = 5;

/** The offline writer: no model, every sentence from a source, the search record or the input. */
export const extractiveWriter: Writer = {
  id: "extractive@1",
  async write(
    input: WriteInput,
    _signal?: AbortSignal,
    run?: StageRun,
    onSection?: SectionWritten,
  ): Promise<Report> {
    if (input.claim.language !== "en") {
      run?.note(
        `the input looks ${languageName(input.claim.language)}, but the offline stages search, weigh and write in English only; configure a language model (FACTUALLY_LLM_PROVIDER) for a report in ${languageName(input.claim.language)}`,
      );
    }
    return writeReport(input, onSection);
  },
};

/**
 * The three sections. Earlier fact-checks by other publishers (sources with `factCheck`) are
 * named in the summary's first paragraph and noted in section 3, but never counted or quoted as
 * evidence.
 */
export function writeReport(input: WriteInput, onSection: SectionWritten = () => {}): Report {
  const evidence = evidenceOnly(input);
  const uncovered = uncoveredTerms(evidence);
  const summaryText = summary(evidence, input.sources);
  onSection("summary");
  const missing = missingContext(evidence, uncovered);
  onSection("missingContext");
  const biasText = bias(evidence, input.sources);
  onSection("bias");
  return {
    summary: summaryText,
    missingContext: missing,
    bias: biasText,
    relatedQuestions: relatedQuestions(input.claim, evidence.assessments, uncovered),
    disclaimer: DISCLAIMER,
    writer: extractiveWriter.id,
  };
}

/** The input without earlier fact-checks: what the stance tallies, quotes and gaps are about. */
function evidenceOnly(input: WriteInput): WriteInput {
  const prior = new Set(input.sources.filter(isPriorFactCheck).map((s) => s.n));
  if (prior.size === 0) return input;
  const keep = (n: number) => !prior.has(n);
  return {
    ...input,
    sources: input.sources.filter((s) => keep(s.n)),
    passages: input.passages.filter((p) => keep(p.sourceN)),
    assessments: input.assessments.filter((a) => keep(a.sourceN)),
    foundBy: new Map([...input.foundBy].map(([query, ns]) => [query, ns.filter(keep)])),
  };
}

/** The assessments of the sources that are weighed: all but the retracted ones. */
function notRetracted(input: WriteInput): SourceAssessment[] {
  const retracted = new Set(input.sources.filter((s) => s.retracted).map((s) => s.n));
  return input.assessments.filter((a) => !retracted.has(a.sourceN));
}

function summary(input: WriteInput, allSources: WriteInput["sources"]): ReportParagraph[] {
  const { claim, assessments } = input;
  const relevant = notRetracted(input).filter((a) => a.stance !== "irrelevant");
  const priorChecks = priorFactCheckSentence(allSources);
  // The same counts as the verdict's rationale: both come from one balance.
  const balance = input.verdict.balance ?? evidenceBalance(input.sources, assessments);
  const overview = balanceSentence(balance, claim.kind, { priorChecks: priorChecks !== undefined });
  if (!overview) return noEvidence(input, priorChecks, balance);
  const decisive = relevant
    .filter((a) => a.stance !== "context")
    .slice(0, MAX_QUOTED_SOURCES)
    .map((a) => quoteSentence(a, claim.kind === "claim" ? LEADS : QUESTION_LEADS));
  const paragraphs = [paragraph(priorChecks ? [overview, priorChecks] : [overview])];
  if (decisive.length > 0) paragraphs.push(paragraph(decisive));
  return paragraphs;
}

/** The summary when no source bears on the input (retracted ones may still be listed). */
function noEvidence(
  input: WriteInput,
  priorChecks: ReportSentence | undefined,
  balance: EvidenceBalance,
): ReportParagraph[] {
  const what = input.claim.kind === "claim" ? "this claim" : "this question";
  const weighed = balance.retracted.length > 0 ? "no source that was weighed" : "no source";
  const lead = priorChecks
    ? `Apart from earlier fact-checks, ${weighed}`
    : balance.retracted.length > 0
      ? `Apart from ${citeList(balance.retracted)}, which ${balance.retracted.length === 1 ? "has" : "have"} been retracted, no source`
      : "No source in the corpus";
  return [
    paragraph([
      {
        text:
          `${lead} bears on ${what}: the ${input.plan.queries.length} searches listed above ` +
          "found nothing that supports, contradicts or documents it.",
        cites: [...balance.retracted],
        basis: "search",
      },
      {
        text: "That is a gap in what was searched, not evidence either way; the verdict is left open.",
        cites: [],
        basis: "search",
      },
      ...(priorChecks ? [priorChecks] : []),
    ]),
  ];
}

function missingContext(input: WriteInput, uncovered: readonly string[]): ReportParagraph[] {
  // A retracted source is listed, never quoted as context nor counted as what a search found.
  const weighed = notRetracted(input);
  const sentences: ReportSentence[] = weighed
    .filter((a) => a.stance === "context")
    .slice(0, 3)
    .map((a) => quoteSentence(a, LEADS));
  // The sources' own caveats, unless already quoted: what qualifies the findings above.
  const quoted = new Set(input.assessments.map((a) => a.quote));
  const relevant = new Set(weighed.filter((a) => a.stance !== "irrelevant").map((a) => a.sourceN));
  const caveats = input.passages
    .filter((p) => relevant.has(p.sourceN) && !quoted.has(p.text) && isCaveat(p.text))
    .filter((p, i, all) => all.findIndex((q) => q.sourceN === p.sourceN) === i)
    .slice(0, 3);
  for (const p of caveats) {
    sentences.push({
      text: `A qualification from one source: "${shorten(p.text)}" [${p.sourceN}]`,
      cites: [p.sourceN],
      basis: "sources",
    });
  }
  const gaps: ReportSentence[] = [];
  const all = input.sources.map((s) => s.n);
  for (const query of input.plan.queries) {
    if (query.intent === "neutral") continue;
    const intent = query.intent;
    const found = input.foundBy.get(query.text) ?? [];
    const stanceWanted =
      query.intent === "supporting" ? ["supports", "mixed"] : ["refutes", "mixed"];
    const matching = weighed.filter(
      (a) => found.includes(a.sourceN) && stanceWanted.includes(a.stance),
    );
    if (matching.length > 0) continue;
    const [looking, verb] = GAP_WORDS[input.claim.kind][intent];
    gaps.push({
      text:
        found.length > 0
          ? `The search for ${looking} ("${query.text}") found ${citeList(found)}, but none of them ${verb}.`
          : `The search for ${looking} ("${query.text}") found no source that ${verb}` +
            (all.length > 0 ? ` beyond those kept ${citeList(all)}` : "") +
            "; an absence in this corpus is not proof either way.",
      cites: found.length > 0 ? [...found] : all,
      basis: "search",
    });
  }
  if (uncovered.length > 0 && input.sources.length > 0) {
    gaps.push({
      text: `None of the passages read mentions ${joinList(
        uncovered.map((t) => `"${t}"`),
        "or",
      )}, so that part of the ${input.claim.kind} is not covered ${citeList(input.sources.map((s) => s.n))}.`,
      cites: input.sources.map((s) => s.n),
      basis: "search",
    });
  }
  return [sentences, gaps].filter((s) => s.length > 0).map(paragraph);
}

function bias(input: WriteInput, allSources: WriteInput["sources"]): ReportParagraph[] {
  const framing = framingOf(input.claim);
  const all = input.sources.map((s) => s.n);
  const framingSentences: ReportSentence[] = [];
  if (framing.presupposition) {
    framingSentences.push({
      text:
        `Asking "${framing.presupposition}" presupposes that what the question describes is established and follows one documented pattern; ` +
        (all.length > 0
          ? `the sources found ${citeList(all)} should be read for whether they show that, not assumed to.`
          : "no source found documents it."),
      cites: all,
      basis: "input",
    });
  }
  if (framing.absoluteWords.length > 0) {
    const against = notRetracted(input)
      .filter((a) => a.stance === "refutes" || a.stance === "mixed")
      .map((a) => a.sourceN);
    framingSentences.push({
      text:
        `The ${input.claim.kind} uses absolute wording (${framing.absoluteWords.map((w) => `"${w}"`).join(", ")}), which a single counter-example would falsify` +
        (against.length > 0
          ? `; ${citeList(against)} may be such a case.`
          : all.length > 0
            ? `; none of the sources ${citeList(all)} was judged to be one.`
            : "."),
      cites: against.length > 0 ? against : all,
      basis: "input",
    });
  }
  if (framing.loadedWords.length > 0) {
    framingSentences.push({
      text:
        `The wording is loaded (${framing.loadedWords.map((w) => `"${w}"`).join(", ")}), which can steer a reader before the evidence does` +
        (all.length > 0
          ? `; weigh it against what the sources ${citeList(all)} actually say.`
          : "."),
      cites: all,
      basis: "input",
    });
  }
  // What the kinds of sources may imply (evidence only), then neutral notes on publishers.
  const agenda = sourceAgendaSentences(input.sources);
  const notes = credibilityNoteSentences(allSources);
  if (framingSentences.length === 0 && agenda.length === 0) {
    framingSentences.push({
      text:
        `No presupposing, absolute or loaded wording was found in the ${input.claim.kind}` +
        (all.length > 0
          ? `, and no source ${citeList(all)} was flagged for its publisher's interest.`
          : "."),
      cites: all,
      basis: "input",
    });
  }
  return [framingSentences, agenda, notes].filter((s) => s.length > 0).map(paragraph);
}

// What a supporting or critical search looked for, and what none of its results did.
const GAP_WORDS = {
  claim: {
    supporting: ["evidence for the claim", "confirms the claim"],
    critical: ["evidence against the claim", "disputes the claim"],
  },
  question: {
    supporting: ["documented examples", "documents an answer"],
    critical: ["criticism or limitations", "questions the premise"],
  },
} as const;

const LEADS: Record<SourceAssessment["stance"], string> = {
  supports: "In support, one source states:",
  refutes: "Against it, one source states:",
  mixed: "One source is mixed:",
  context: "For context, one source states:",
  irrelevant: "One source states:",
};
const QUESTION_LEADS: Record<SourceAssessment["stance"], string> = {
  ...LEADS,
  supports: "One source states:",
  refutes: "One source states:",
};

function quoteSentence(a: SourceAssessment, leads: typeof LEADS): ReportSentence {
  return {
    text: `${leads[a.stance]} "${shorten(a.quote)}" [${a.sourceN}]`,
    cites: [a.sourceN],
    basis: "sources",
  };
}

/** Key terms of the claim that no selected passage contains (by stem). */
function uncoveredTerms(input: WriteInput): string[] {
  if (input.passages.length === 0) return [];
  const stems = new Set(input.passages.flatMap((p) => tokenize(p.text).map((t) => t.stem)));
  return input.claim.keyTerms.filter((t) => !stems.has(stemWord(t))).slice(0, 3);
}

function paragraph(sentences: ReportSentence[]): ReportParagraph {
  return {
    text: sentences.map((s) => s.text).join(" "),
    cites: [...new Set(sentences.flatMap((s) => s.cites))].sort((a, b) => a - b),
    sentences,
  };
}

function shorten(quote: string): string {
  const clean = quote.replace(/\s+/g, " ").trim().replace(/"/g, "'");
  if (clean.length <= MAX_QUOTE) return clean;
  const cut = clean.slice(0, MAX_QUOTE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_QUOTE / 2))}…`;
}
