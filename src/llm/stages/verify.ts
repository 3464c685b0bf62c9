// The model-backed verifier: the model judges every cited sentence against the passages it
// cites; a sentence below the threshold is rewritten once from its passages and judged again,
// and dropped if it still falls short. The share supported is stored with the report.
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { Verifier, VerifyInput } from "../../core/interfaces/verifier.js";
import type { Report, ReportParagraph, ReportSentence } from "../../core/schema/report.js";
import { SUPPORT_THRESHOLD, verifyReport } from "../../pipeline/verify.js";
import { citeList } from "../../pipeline/write.js";
import { rewritePrompt, type SentenceToVerify, verifyPrompt } from "../prompts/verify.js";
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
      return modelOrOffline({
        stage: "verify",
        model,
        run,
        signal,
        offline: () => offline.verify(input, signal, run),
        async withModel(s, r) {
          const sections = ["summary", "missingContext", "bias"] as const;
          // Every sentence that rests on sources is the model's to judge; the others (the
          // search record, the input's own words) keep their lexical check.
          const sentences = sections.flatMap((name) =>
            input.report[name].flatMap((p) => p.sentences ?? []),
          );
          const judged = sentences.filter((x) => x.basis === "sources" && x.cites.length > 0);
          const scores = await judge(model, judged, input, r, s);

          const weak = judged.filter((x) => (scores.get(x) ?? 0) < SUPPORT_THRESHOLD);
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
          return verifyReport(
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
        },
      });
    },
  };
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
