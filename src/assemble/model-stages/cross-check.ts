// A model's reading of a source, checked against two things a model obeying injected text cannot
// hide: the offline stance model's reading of the very words the model quoted, and
// instruction-like text in the model's own reason or quote.
import type { ReportSentence } from "../../core/schema/report.js";
import type { AssessmentFlag, SourceAssessment } from "../../core/schema/source-assessment.js";
import { citeList } from "../../text/cite-list.js";

/**
 * An offline reading of the opposite decisive stance counts as strong from this confidence.
 * The offline assessor calls a passage refuting from a disagree probability of 0.3 (its model
 * rarely goes higher) and supporting from an agree probability of 0.7; halfway between the two
 * is where its opposite reading is more than a hint.
 */
export const STRONG_OFFLINE = 0.5;
/** A doubted reading (offline: context, or a weak opposite) keeps at most this confidence. */
export const DOUBTED_CAP = 0.6;
/** A contradicted reading keeps this share of its confidence (so at most 0.5). */
export const CONTRADICTED_SHARE = 0.5;

/**
 * Phrases with which a text gives a model instructions ("ignore previous instructions"). No
 * evidence about a claim needs them, so a quote holding one shows the model rested on it.
 */
const INJECTING: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules|guidelines)\b/i,
  /\b(?:new|updated|system|hidden) (?:instructions?|prompt)\b/i,
  /\byou (?:are|must) now\b/i,
];
/**
 * Phrases with which a model says it followed instructions (the reason "As instructed, the claim
 * is true." came from a model that obeyed a source). Checked in the model's reason only: "used
 * as instructed" is ordinary in a medical abstract.
 */
const OBEYING: readonly RegExp[] = [
  /\bas (?:you (?:were |are )?|I was |I am |I've been )?(?:instructed|told)\b/i,
  /\b(?:per|following|according to) (?:the |your |my )?instructions\b/i,
  /\bI (?:was|am|have been|'ve been) (?:told|instructed|asked|directed) to\b/i,
];

/** The instruction-like phrase in a model's reason (`reason`) or quote (`quote`), or undefined. */
export function instructionCue(text: string, where: "reason" | "quote"): string | undefined {
  for (const cue of where === "reason" ? [...OBEYING, ...INJECTING] : INJECTING) {
    const match = cue.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/** The offline assessment kept in place of a model reading that shows instruction-like text. */
export function setAside(
  model: SourceAssessment,
  offline: SourceAssessment,
  cue: string,
): SourceAssessment {
  return {
    ...offline,
    flag: {
      kind: "instruction-like",
      modelStance: model.stance,
      modelConfidence: model.confidence,
      note: `The model's reading of [${model.sourceN}] contained instruction-like text ("${cue}"), a sign that words in a source steered it; the offline reading was used instead.`,
    },
  };
}

/**
 * The model's assessment, lowered where the offline reading of the same quote strongly
 * contradicts it: a decisive model stance on words the offline model reads as `irrelevant`, or
 * the opposite decisive stance read with confidence ≥ STRONG_OFFLINE → confidence halved. Words
 * read as context only, or as a weakly opposite stance → confidence capped at DOUBTED_CAP.
 * Unchanged otherwise (and for model stances that decide nothing: context, irrelevant).
 */
export function crossChecked(model: SourceAssessment, offline: SourceAssessment): SourceAssessment {
  const decisive = ["supports", "refutes", "mixed"];
  if (!decisive.includes(model.stance)) return model;
  const opposite =
    (model.stance === "supports" && offline.stance === "refutes") ||
    (model.stance === "refutes" && offline.stance === "supports");
  const reading = { offlineStance: offline.stance, offlineConfidence: offline.confidence };
  const n = `[${model.sourceN}]`;
  if (offline.stance === "irrelevant" || (opposite && offline.confidence >= STRONG_OFFLINE)) {
    return flagged(model, round(model.confidence * CONTRADICTED_SHARE), {
      kind: "offline-disagrees",
      ...reading,
      note: `The model's reading of ${n} (${model.stance}) disagrees with the offline reading of the same words (${offline.stance}, ${offline.confidence.toFixed(2)}); it counts for half.`,
    });
  }
  const doubted = (offline.stance === "context" || opposite) && model.stance !== "mixed";
  if (doubted && model.confidence > DOUBTED_CAP) {
    return flagged(model, DOUBTED_CAP, {
      kind: "offline-doubts",
      ...reading,
      note: `The offline reading of the words the model quoted from ${n} is ${offline.stance} (${offline.confidence.toFixed(2)}); the model's confidence was capped at ${DOUBTED_CAP}.`,
    });
  }
  return model;
}

function flagged(
  model: SourceAssessment,
  confidence: number,
  flag: Omit<AssessmentFlag, "modelStance" | "modelConfidence">,
): SourceAssessment {
  return {
    ...model,
    confidence,
    flag: { ...flag, modelStance: model.stance, modelConfidence: model.confidence },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Section 3's sentences on model readings that were set aside or counted for less, naming the
 * sources; they rest on the check's own record, like the sentences on the sources' kinds.
 */
export function flagSentences(assessments: readonly SourceAssessment[]): ReportSentence[] {
  const of = (kind: AssessmentFlag["kind"]) =>
    assessments.filter((a) => a.flag?.kind === kind).map((a) => a.sourceN);
  const sentences: ReportSentence[] = [];
  const add = (ns: number[], text: string) => {
    if (ns.length > 0)
      sentences.push({ text, cites: [...ns].sort((a, b) => a - b), basis: "search" });
  };
  const steered = of("instruction-like");
  add(
    steered,
    `The language model's reading of ${citeList(steered)} contained instruction-like text, a sign that words in a source tried to steer it; the offline reading was used instead.`,
  );
  const contradicted = of("offline-disagrees");
  add(
    contradicted,
    `The language model's reading of ${citeList(contradicted)} disagreed with the offline stance model's reading of the same words, so it counted for half in the verdict.`,
  );
  return sentences;
}
