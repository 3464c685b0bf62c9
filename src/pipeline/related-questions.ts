// The five "Want to dive deeper?" questions: built from the claim's parts, entities and gaps.
import type { Claim } from "../core/schema/claim.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import { analyze } from "../text/nlp.js";

export const RELATED_QUESTIONS = 5;

/** Five distinct questions, most specific first; deterministic for one input. */
export function relatedQuestions(
  claim: Claim,
  assessments: readonly SourceAssessment[],
  uncoveredTerms: readonly string[],
): string[] {
  const topic = topicOf(claim);
  const out: string[] = [];
  const add = (q: string) => {
    const clean = q.replace(/\s+/g, " ").trim();
    if (clean.length > 3 && !out.some((o) => o.toLowerCase() === clean.toLowerCase()))
      out.push(clean);
  };
  if (claim.subClaims.length > 1)
    for (const part of claim.subClaims) add(`Is it true that ${lowerFirst(part)}?`);
  for (const term of uncoveredTerms.slice(0, 2))
    add(`What is known about ${term} in relation to ${topic}?`);
  const statement = lowerFirst(claim.normalized.replace(/[?.!]+$/, ""));
  if (claim.kind === "question") {
    // As on the reference page: the named parts of the question, one by one.
    for (const entity of claim.entities.slice(0, 2))
      if (!topic.includes(entity)) add(`What is the role of ${entity} in ${topic}?`);
  } else {
    const disputed = assessments.some((a) => a.stance === "refutes" || a.stance === "mixed");
    add(
      disputed
        ? `Why do some sources dispute that ${statement}?`
        : `What evidence would contradict the claim that ${statement}?`,
    );
  }
  add(`What are the limitations of the evidence on ${topic}?`);
  add(`How has what is known about ${topic} changed over time?`);
  add(`What do official or independent sources say about ${topic}?`);
  add(`What primary data exist on ${topic}?`);
  add(`What are common misconceptions about ${topic}?`);
  return out.slice(0, RELATED_QUESTIONS);
}

/** The claim's subject phrase (its words before the first verb), or its first key terms. */
export function topicOf(claim: Claim): string {
  const tokens = analyze(claim.normalized.replace(/[?.!]+$/, "")).tokens;
  // Skip a question's opening ("How are", "Do"), then read up to the next verb.
  const start = tokens.findIndex((t) => ["NOUN", "PROPN", "ADJ", "NUM"].includes(t.pos));
  const verb = tokens.findIndex((t, i) => i > start && (t.pos === "VERB" || t.pos === "AUX"));
  const subject = tokens
    .slice(Math.max(0, start), verb > start ? verb : tokens.length)
    .filter((t) => !["DET", "ADV", "AUX", "PRON", "SCONJ", "PUNCT", "CCONJ"].includes(t.pos))
    .slice(0, 6)
    .map((t) => t.text)
    .join(" ");
  if (start >= 0 && subject.length >= 3) return lowerFirst(subject);
  return claim.keyTerms.slice(0, 4).join(" ") || claim.normalized;
}

function lowerFirst(text: string): string {
  // Keep acronyms and names ("ICE", "WHO") as written.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}
