// The model-backed assessor: one model call per source, in parallel within the model's
// concurrency limit. A source whose call fails, or whose quote is not in its passages, keeps
// its offline assessment; the stage falls back as a whole only if no source was assessed. What
// the model says is then checked (./cross-check.ts): a reading that shows instruction-like text
// is set aside for the offline one, and one that the offline reading of its own quote
// contradicts counts for less; the notes name those sources.
import type { AssessInput, Assessor } from "../../core/interfaces/assessor.js";
import type { StageRun } from "../../core/interfaces/stage-run.js";
import type { Passage } from "../../core/schema/document.js";
import type { Source } from "../../core/schema/source.js";
import type { SourceAssessment } from "../../core/schema/source-assessment.js";
import { assessPrompt } from "../../llm/prompts/assess.js";
import { citeList } from "../../text/cite-list.js";
import {
  CONTRADICTED_SHARE,
  crossChecked,
  DOUBTED_CAP,
  instructionCue,
  setAside,
} from "./cross-check.js";
import {
  ask,
  modelOrOffline,
  modelStageId,
  reasonOf,
  type StageModel,
} from "./model-or-offline.js";
import { findQuote } from "./quotes.js";

/** A source's assessment: the model's (with the passage its quote is in), or the offline one. */
type Reading = { assessment: SourceAssessment; quotedFrom?: Passage };

export function modelAssessor(model: StageModel, offline: Assessor): Assessor {
  return {
    id: modelStageId(model, assessPrompt),
    async assess(
      input: AssessInput,
      signal?: AbortSignal,
      run?: StageRun,
    ): Promise<SourceAssessment[]> {
      const fallback = await offline.assess(input, signal);
      return modelOrOffline({
        stage: "assess",
        model,
        run,
        signal,
        offline: async () => fallback,
        async withModel(s, r) {
          const failed = new Map<number, string>();
          const readings = await Promise.all(
            input.sources.map(async (source, i): Promise<Reading> => {
              const passages = input.passages.filter((p) => p.sourceN === source.n);
              const offlineOne = fallback[i] as SourceAssessment;
              if (passages.length === 0) return { assessment: offlineOne };
              try {
                const out = await ask(
                  model,
                  assessPrompt,
                  { claim: input.claim, source, passages },
                  r,
                  s,
                );
                const found = findQuote(passages, out.quote);
                if (out.stance !== "irrelevant" && !found) {
                  failed.set(source.n, "its quote is not in the source's passages");
                  return { assessment: offlineOne };
                }
                // The quote as the source wrote it, not as the model retyped it.
                const assessment = {
                  sourceN: source.n,
                  ...out,
                  quote: found?.text ?? out.quote.trim(),
                };
                return { assessment, ...(found ? { quotedFrom: found.passage } : {}) };
              } catch (error) {
                if (s.aborted) throw error;
                failed.set(source.n, reasonOf(error));
                return { assessment: offlineOne };
              }
            }),
          );
          if (failed.size === input.sources.length && failed.size > 0) {
            throw new Error([...failed.values()][0]);
          }
          if (failed.size > 0) {
            const reasons = [...new Set(failed.values())].join("; ");
            r.fellBack(`for ${citeList([...failed.keys()])}: ${reasons}`);
          }
          const checked = await checkReadings(readings, fallback, input, offline, s);
          noteFlags(checked, r);
          return checked;
        },
      });
    },
  };
}

/**
 * Each model reading checked: instruction-like text in its reason or quote → the offline
 * assessment instead; a decisive stance → compared with the offline reading of its quote alone.
 */
async function checkReadings(
  readings: readonly Reading[],
  fallback: readonly SourceAssessment[],
  input: AssessInput,
  offline: Assessor,
  signal: AbortSignal,
): Promise<SourceAssessment[]> {
  const out = readings.map(({ assessment }, i) => {
    if (assessment === fallback[i]) return assessment;
    const cue =
      instructionCue(assessment.reason, "reason") ?? instructionCue(assessment.quote, "quote");
    return cue ? setAside(assessment, fallback[i] as SourceAssessment, cue) : assessment;
  });
  const toRead = readings.flatMap(({ assessment, quotedFrom }, i) =>
    out[i] === assessment &&
    quotedFrom &&
    ["supports", "refutes", "mixed"].includes(assessment.stance)
      ? [{ i, assessment, quotedFrom }]
      : [],
  );
  if (toRead.length === 0) return out;
  // The quote alone, as a one-passage source, in one call for every source to read.
  const sources = toRead.map(({ i }) => input.sources[i] as Source);
  const passages = toRead.map(({ assessment, quotedFrom }) => ({
    ...quotedFrom,
    text: assessment.quote,
    start: 0,
    end: assessment.quote.length,
  }));
  const offlineReadings = await offline.assess({ claim: input.claim, sources, passages }, signal);
  toRead.forEach(({ i, assessment }, k) => {
    const reading = offlineReadings[k];
    if (reading) out[i] = crossChecked(assessment, reading);
  });
  return out;
}

/** One note per kind of flag, naming the sources. */
function noteFlags(assessments: readonly SourceAssessment[], run: StageRun): void {
  const of = (kind: string) =>
    assessments.filter((a) => a.flag?.kind === kind).map((a) => a.sourceN);
  const setAsideNs = of("instruction-like");
  if (setAsideNs.length > 0) {
    run.note(
      `the model's reading of ${citeList(setAsideNs)} contained instruction-like text, a sign that words in a source steered it; the offline reading was used instead`,
    );
  }
  const contradicted = of("offline-disagrees");
  if (contradicted.length > 0) {
    run.note(
      `the model's reading of ${citeList(contradicted)} disagrees with the offline reading of the words it quoted; its confidence was multiplied by ${CONTRADICTED_SHARE}`,
    );
  }
  const doubted = of("offline-doubts");
  if (doubted.length > 0) {
    run.note(
      `the offline reading of the words the model quoted from ${citeList(doubted)} is only context or weakly opposite; the model's confidence was capped at ${DOUBTED_CAP}`,
    );
  }
}
