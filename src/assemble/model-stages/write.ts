// The model-backed writer: the model writes the three sections and the questions in the input's
// language; citations of sources that do not exist are removed and counted, and a sentence
// left citing nothing is dropped — the writer must cite.
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { SectionWritten, WriteInput, Writer } from "../../core/interfaces/writer.js";
import type { Report, ReportParagraph, ReportSentence } from "../../core/schema/report.js";
import { type WriteOutput, writePrompt } from "../../llm/prompts/write.js";
import { RELATED_QUESTIONS, relatedQuestions } from "../../pipeline/related-questions.js";
import { SUPPORT_THRESHOLD, supportOf } from "../../pipeline/verify.js";
import { DISCLAIMER } from "../../pipeline/write.js";
import { credibilityNoteSentences, sourceAgendaSentences } from "../../sources/source-sentences.js";
import { citeList } from "../../text/cite-list.js";
import { flagSentences } from "./cross-check.js";
import { ask, modelOrOffline, modelStageId, type StageModel } from "./model-or-offline.js";

export function modelWriter(model: StageModel, offline: Writer): Writer {
  const id = modelStageId(model, writePrompt);
  return {
    id,
    async write(
      input: WriteInput,
      signal?: AbortSignal,
      run?: StageRun,
      onSection?: SectionWritten,
    ): Promise<Report> {
      return modelOrOffline({
        stage: "write",
        model,
        run,
        signal,
        offline: () => offline.write(input, signal, run, onSection),
        async withModel(s, r) {
          const out = await ask(model, writePrompt, input, r, s);
          const report = reportFrom(out, input, r, id);
          // One reply holds every section: they are written when it is accepted.
          for (const section of ["summary", "missingContext", "bias"] as const)
            onSection?.(section);
          return report;
        },
      });
    },
  };
}

/** The model's sections as a Report, keeping only citations of the check's sources. */
export function reportFrom(
  out: WriteOutput,
  input: WriteInput,
  run: StageRun,
  writer: string,
): Report {
  const known = new Set(input.sources.map((s) => s.n));
  let removed = 0;
  let uncited = 0;
  const section = (paragraphs: WriteOutput["summary"]): ReportParagraph[] =>
    paragraphs.flatMap((p) => {
      const sentences: ReportSentence[] = [];
      for (const sentence of p.sentences) {
        const cites = [...new Set(sentence.cites)]
          .filter((n) => known.has(n))
          .sort((a, b) => a - b);
        removed += new Set(sentence.cites).size - cites.length;
        // Citation marks the model wrote into the text anyway are replaced by ours.
        const text = sentence.text
          .replace(/\s*\[\d+\]/g, "")
          .replace(/\s+/g, " ")
          .trim();
        if (cites.length === 0 || !text) {
          uncited++;
          continue;
        }
        sentences.push({ text: `${text} ${citeList(cites)}`, cites, basis: "sources" });
      }
      if (sentences.length === 0) return [];
      return [
        {
          text: sentences.map((x) => x.text).join(" "),
          cites: [...new Set(sentences.flatMap((x) => x.cites))].sort((a, b) => a - b),
          sentences,
        },
      ];
    });
  const summary = section(out.summary);
  const missingContext = section(out.missingContext);
  const bias = section(out.bias);
  // What the sources' metadata shows (press releases, undated pages, one owner, publisher notes)
  // is stated the same way whoever writes, and so are model readings that were doubted: in
  // English reports, appended to section 3.
  if (input.claim.language === "en") {
    const evidence = input.sources.filter((s) => !s.factCheck);
    const facts = [
      ...sourceAgendaSentences(evidence),
      ...credibilityNoteSentences(evidence),
      ...flagSentences(input.assessments),
    ];
    if (facts.length > 0) {
      bias.push({
        text: facts.map((f) => f.text).join(" "),
        cites: [...new Set(facts.flatMap((f) => f.cites))].sort((a, b) => a - b),
        sentences: facts,
      });
    }
  }
  if (summary.length === 0) {
    throw new Error("the model's summary cited none of the sources");
  }
  if (
    input.claim.language === "en" &&
    !summary.some((p) => (p.sentences ?? []).some(borneOut(input)))
  ) {
    // An English report whose every summary sentence shares too few words with what it cites
    // is not a summary of those sources (a confused or random model); the extractive one is.
    throw new Error("none of the model's summary sentences is borne out by the passages it cites");
  }
  run.removedCitations(removed);
  if (uncited > 0) {
    run.note(
      `dropped ${uncited} sentence${uncited === 1 ? "" : "s"} the model wrote without citing a source`,
    );
  }
  const questions = distinct(out.relatedQuestions);
  if (questions.length < RELATED_QUESTIONS) {
    for (const q of relatedQuestions(input.claim, input.assessments, [])) {
      if (questions.length >= RELATED_QUESTIONS) break;
      if (!questions.some((x) => x.toLowerCase() === q.toLowerCase())) questions.push(q);
    }
  }
  return {
    summary,
    missingContext,
    bias,
    relatedQuestions: questions.slice(0, RELATED_QUESTIONS),
    disclaimer: DISCLAIMER,
    writer,
  };
}

/** Whether a sentence passes the lexical check against the passages it cites. */
function borneOut(input: WriteInput): (sentence: ReportSentence) => boolean {
  const kept = new Set(input.passages.map((p) => p.sourceN));
  return (sentence) =>
    supportOf(sentence, input.passages, kept, input.claim.normalized) >= SUPPORT_THRESHOLD;
}

function distinct(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const clean = item.replace(/\s+/g, " ").trim();
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  }
  return out;
}
