// The parts of a structured abstract ("BACKGROUND …", "METHODS …", "RESULTS …") and the
// sentences that state a study's aim: what a sentence is there to do, so that a background or
// aim sentence is not read as a finding.

import type { PassageSection } from "../core/schema/document.js";

/** What a sentence of a document is there to do, from its structured-abstract label. */
export type SectionKind = PassageSection;

// Label words, upper case as journals print them; combined labels take their last finding-like
// part ("METHODS AND RESULTS" is results, "DESIGN, SETTING, AND PARTICIPANTS" methods).
const KIND_OF_WORD: ReadonlyArray<[RegExp, SectionKind]> = [
  [
    /\b(CONCLUSIONS?|INTERPRETATIONS?|SIGNIFICANCE|RELEVANCE|DISCUSSION|IMPLICATIONS?)\b/,
    "conclusions",
  ],
  [/\bMAIN OUTCOMES?\b|\bOUTCOMES? (?:AND )?MEASURES?\b/, "methods"],
  [/\b(RESULTS?|FINDINGS|OUTCOMES?)\b/, "results"],
  [/\b(FUNDING|REGISTRATION|DISCLOSURES?|CONFLICTS? OF INTEREST|SPONSORSHIP)\b/, "funding"],
  [
    /\b(METHODS?|METHODOLOGY|DESIGN|SETTINGS?|PARTICIPANTS|PATIENTS|SUBJECTS|INTERVENTIONS?|EXPOSURES?|MEASUREMENTS?|MEASURES?|DATA SOURCES|DATA EXTRACTION|DATA SYNTHESIS|STUDY SELECTION|MATERIALS|POPULATION|ELIGIBILITY CRITERIA|SEARCH STRATEGY|APPROACH)\b/,
    "methods",
  ],
  [/\b(OBJECTIVES?|AIMS?|PURPOSE|GOALS?|QUESTION)\b/, "objective"],
  [/\b(BACKGROUND|INTRODUCTION|CONTEXT|IMPORTANCE|RATIONALE|MOTIVATION)\b/, "background"],
];

// A label opens a sentence in capitals, maybe with "and", ",", "/", "&", then ":" or a space
// before the sentence itself ("RESULTS Of the 32,441…", "BACKGROUND: Masks…").
const LABEL_AT_START =
  /^((?:[A-Z]{2,}(?:\s*(?:[,/&]|AND|OF|FOR)\s*|\s+)){0,5}[A-Z]{3,})(?:\s*:\s*|\s+(?=[A-Z0-9(["']))/;

// A title-case label followed by a colon, as some publishers print them ("Background: …").
const TITLE_LABEL_AT_START =
  /^((?:Background|Introduction|Context|Importance|Objectives?|Aims?|Purpose|Methods?|Design|Setting|Participants|Patients|Subjects|Materials|Interventions?|Measurements?|Main Outcomes?(?: and Measures?)?|Results?|Findings|Conclusions?|Interpretation|Funding|Significance)(?:,?\s+(?:and\s+)?(?:Relevance|Methods?|Results?|Aims?|Objectives?|Purpose|Findings|Setting|Participants|Design|Significance|Implications?))*)\s*:\s*/i;

/** The kind and length of a structured-abstract label at the start of `sentence`, if any. */
export function leadingSectionLabel(
  sentence: string,
): { kind: SectionKind; label: string; length: number } | undefined {
  const title = TITLE_LABEL_AT_START.exec(sentence);
  if (title?.[1]) {
    return { kind: kindOfLabel(title[1].toUpperCase()), label: title[1], length: title[0].length };
  }
  const match = LABEL_AT_START.exec(sentence);
  const label = match?.[1];
  if (!match || !label) return undefined;
  const kind = kindOfLabel(label);
  // An acronym that opens a sentence ("HIV infection…", "MRI showed…") is not a label.
  if (kind === "other") return undefined;
  return { kind, label, length: match[0].length };
}

function kindOfLabel(label: string): SectionKind {
  for (const [pattern, kind] of KIND_OF_WORD) if (pattern.test(label)) return kind;
  return "other";
}

/**
 * The section of each sentence of one document, in order: a label holds until the next one;
 * sentences before any label (and unstructured documents) are `undefined`.
 */
export function sectionsOf(sentences: readonly string[]): Array<SectionKind | undefined> {
  let current: SectionKind | undefined;
  return sentences.map((sentence) => {
    const label = leadingSectionLabel(sentence);
    if (label) current = label.kind;
    return current;
  });
}

// Sentences that say what a study set out to do, not what it found.
const AIM =
  /^(?:(?:in this|in the present|in our|the present|this|our)\s+(?:study|paper|work|review|trial|analysis|article|report),?\s+)?(?:we\s+)?(?:aimed|aims?|sought|set out|intended|wanted|hypothesi[sz]ed|examined whether|investigated whether|tested whether|asked whether|assessed whether|evaluated whether|explored whether|tested the hypothesis)\b|^(?:the\s+)?(?:aim|aims|goal|goals|objective|objectives|purpose)\s+(?:of\s+(?:this|the present|our)\s+\w+\s+)?(?:is|was|were|are)\b|^to\s+(?:determine|assess|evaluate|investigate|examine|compare|test|explore|estimate|describe|identify|characteri[sz]e|quantify|establish|understand|clarify|analy[sz]e)\b|^(?:this|the present|our)\s+(?:study|trial|review|paper|work|analysis)\s+(?:aims?|aimed|sought|seeks|was designed|is designed|investigates whether|examines whether|evaluates whether|assesses whether)\b|^(?:here,?\s+|therefore,?\s+|thus,?\s+)?we\s+(?:therefore\s+)?(?:aimed|sought|set out|hypothesi[sz]ed|investigated whether|examined whether|tested whether|asked whether|assessed whether|evaluated whether|explored whether|tested the hypothesis)\b/i;

/** Whether `sentence` (without its section label) states an aim, a question or a hypothesis. */
export function isAimSentence(sentence: string): boolean {
  const label = leadingSectionLabel(sentence);
  const body = (label ? sentence.slice(label.length) : sentence).trim();
  return AIM.test(body);
}

/** Sections whose sentences describe the setting or plan of a study, never its evidence. */
export const NON_EVIDENCE_SECTIONS: ReadonlySet<SectionKind> = new Set([
  "background",
  "objective",
  "methods",
  "funding",
]);
