// The model-backed verifier: the model judges every cited sentence against the passages it
// cites; a sentence below the threshold, or stating numbers, dates or names its passages do not
// contain, is rewritten once from its passages and judged again, and dropped if it still falls
// short. The share supported is stored with the report.
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { Verifier, VerifyInput } from "../../core/interfaces/verifier.js";
import type {
  Report,
  ReportParagraph,
  ReportSectionName,
  ReportSentence,
  UnsupportedFacts,
} from "../../core/schema/report.js";
import { rewritePrompt, type SentenceToVerify, verifyPrompt } from "../../llm/prompts/verify.js";
import { factsOf, SUPPORT_THRESHOLD, verifyReport } from "../../pipeline/verify.js";
import { citeList } from "../../text/cite-list.js";
import { ask, modelOrOffline, modelStageId, type StageModel } from "./model-or-offline.js";

/** Sentences judged per call: few enough to keep each answer short and exact. */
const SENTENCES_PER_CALL = 8;
/** Passages of each cited source shown with a sentence. */
const PASSAGES_PER_CITE = 3;

export function modelVerifier(model: StageModel, offline: Verifier): Verifier {
  const id = modelStageId(model, verifyPrompt);
  return {
    id,
    async verify(input: VerifyInput, signal?: AbortSignal, run?: StageRun): Promise<Report> {
      const report = await modelOrOffline({
        stage: "verify",
        model,
        run,
        signal,
        offline: () => offline.verify(input, signal, run),
        async withModel(s, r) {
          const sections = ["summary", "missingContext", "bias"] as const;
          // Every sentence that rests on sources is the model's to judge; the others (the
          // search record, the input's own words) keep their lexical check.
          const sectionOf = new Map<ReportSentence, ReportSectionName>(
            sections.flatMap((name) =>
              input.report[name].flatMap((p) => p.sentences ?? []).map((x) => [x, name] as const),
            ),
          );
          const judged = [...sectionOf.keys()].filter(
            (x) => x.basis === "sources" && x.cites.length > 0,
          );
          // Whatever the model makes of them, these state facts their passages do not hold.
          const names = input.claim.language === "en";
          const invented = new Map(
            judged.flatMap((x) => {
              const facts = factsOf(x, input.passages, names);
              return facts ? [[x, facts.missing] as const] : [];
            }),
          );
          const scores = await judge(model, judged, input, r, s);
          const weak = judged.filter(
            (x) => invented.has(x) || (scores.get(x) ?? 0) < SUPPORT_THRESHOLD,
          );
          const rewritten = new Map<ReportSentence, ReportSentence>();
          await Promise.all(
            weak.map(async (sentence) => {
              const out = await ask(
                model,
                rewritePrompt,
                { sentence: toVerify(sentence, 1, input), language: input.claim.language },
                r,
                s,
              );
              const text = out.text.replace(/\s*\[\d+\]/g, "").trim();
              if (text)
                rewritten.set(sentence, {
                  ...sentence,
                  text: `${text} ${citeList(sentence.cites)}`,
                });
            }),
          );
          const second = await judge(model, [...rewritten.values()], input, r, s);
          let kept = 0;
          for (const [before, after] of rewritten) {
            if ((second.get(after) ?? 0) >= SUPPORT_THRESHOLD) kept++;
            else rewritten.delete(before);
          }
          if (weak.length > 0) {
            r.note(
              `${weak.length} sentence${weak.length === 1 ? "" : "s"} fell short of the evidence; ${kept} rewritten from the passages, ${weak.length - kept} not supported`,
            );
          }
          const swap = (paragraphs: readonly ReportParagraph[]): ReportParagraph[] =>
            paragraphs.map((p) => {
              if (!p.sentences) return p;
              const next = p.sentences.map((x) => rewritten.get(x) ?? x);
              return { ...p, text: next.map((x) => x.text).join(" "), sentences: next };
            });
          const report: Report = {
            ...input.report,
            summary: swap(input.report.summary),
            missingContext: swap(input.report.missingContext),
            bias: swap(input.report.bias),
          };
          const judgedSet = new Set<ReportSentence>(judged);
          const rewrites = new Set<ReportSentence>(rewritten.values());
          const verified = verifyReport(
            { ...input, report },
            {
              verifier: id,
              // A sentence the model left unjudged is not verified; a kept rewrite has its
              // second judgement; sentences that rest on the search record or the input keep
              // their lexical check (undefined).
              score: (x) =>
                rewrites.has(x)
                  ? (second.get(x) ?? 0)
                  : judgedSet.has(x)
                    ? (scores.get(x) ?? 0)
                    : undefined,
            },
          );
          return withRewrittenFacts(verified, rewritten, invented, sectionOf);
        },
      });
      noteInventedFacts(report, run);
      return report;
    },
  };
}

/** One note on the sentences that stated facts their passages lack, by the model or offline. */
function noteInventedFacts(report: Report, run: StageRun | undefined): void {
  const found = report.verification?.unsupportedFacts ?? [];
  if (found.length === 0) return;
  const facts = [...new Set(found.flatMap((f) => f.missing))].map((m) => `"${m}"`);
  const count = (outcome: UnsupportedFacts["outcome"]) =>
    found.filter((f) => f.outcome === outcome).length;
  run?.note(
    `${found.length} sentence${found.length === 1 ? "" : "s"} stated numbers, dates or names that the passages cited do not contain (${facts.slice(0, 6).join(", ")}${facts.length > 6 ? ", …" : ""}): ${count("rewritten")} rewritten from the passages, ${count("trimmed")} shortened, ${count("dropped")} dropped`,
  );
}

/**
 * The verification with, first, the sentences whose invented facts the model rewrote away (a
 * rewrite that still held some was dropped, and verifyReport listed it).
 */
function withRewrittenFacts(
  report: Report,
  rewritten: ReadonlyMap<ReportSentence, ReportSentence>,
  invented: ReadonlyMap<ReportSentence, readonly string[]>,
  sectionOf: ReadonlyMap<ReportSentence, ReportSectionName>,
): Report {
  if (!report.verification) return report;
  const kept = new Set(
    (["summary", "missingContext", "bias"] as const).flatMap((name) =>
      report[name].flatMap((p) => (p.sentences ?? []).map((x) => x.text)),
    ),
  );
  const fixed: UnsupportedFacts[] = [];
  for (const [before, after] of rewritten) {
    const missing = invented.get(before);
    const section = sectionOf.get(before);
    if (!missing || !section || !kept.has(after.text)) continue;
    fixed.push({ section, text: before.text, missing: [...missing], outcome: "rewritten" });
  }
  const all = [...fixed, ...(report.verification.unsupportedFacts ?? [])];
  return all.length === 0
    ? report
    : { ...report, verification: { ...report.verification, unsupportedFacts: all } };
}

/** The model's support score of each sentence, batched. */
async function judge(
  model: StageModel,
  sentences: readonly ReportSentence[],
  input: VerifyInput,
  run: StageRun,
  signal: AbortSignal,
): Promise<Map<ReportSentence, number>> {
  const scores = new Map<ReportSentence, number>();
  const batches: ReportSentence[][] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_CALL) {
    batches.push(sentences.slice(i, i + SENTENCES_PER_CALL));
  }
  await Promise.all(
    batches.map(async (batch) => {
      const out = await ask(
        model,
        verifyPrompt,
        { sentences: batch.map((x, i) => toVerify(x, i + 1, input)) },
        run,
        signal,
      );
      for (const j of out.judgements) {
        const sentence = batch[j.sentence - 1];
        if (!sentence) continue;
        // The verdict caps the number: "unsupported" is never above the threshold.
        const cap = j.verdict === "supported" ? 1 : j.verdict === "partly" ? 0.59 : 0.2;
        scores.set(sentence, Math.min(cap, j.support));
      }
    }),
  );
  return scores;
}

function toVerify(sentence: ReportSentence, n: number, input: VerifyInput): SentenceToVerify {
  return {
    n,
    text: sentence.text.replace(/\s*\[\d+\]/g, "").trim(),
    cites: sentence.cites,
    passages: sentence.cites.flatMap((c) =>
      input.passages.filter((p) => p.sourceN === c).slice(0, PASSAGES_PER_CITE),
    ),
  };
}
