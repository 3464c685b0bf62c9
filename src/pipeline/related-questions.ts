// The five "Want to dive deeper?" questions: built from the claim's parts, entities and gaps,
// with names, acronyms and numbers as the input writes them ("5G", "COVID-19", "Eiffel Tower").
import type { Claim } from "../core/schema/claim.js";
import type { SourceAssessment } from "../core/schema/source-assessment.js";
import { inSentence } from "../text/sentence-case.js";
import { claimParts } from "./claim-topic.js";

export const RELATED_QUESTIONS = 5;

// Questions answered yes or no test a statement; the others ask about a topic's parts.
const YES_NO = /^(is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/i;

/** A name or acronym ("ERO", "Eiffel Tower"), not a date or an amount ("March 2020"). */
function isName(entity: string): boolean {
  return /^\p{Lu}[\p{L}.&' -]*$/u.test(entity);
}

/** Five distinct questions, most specific first; deterministic for one input. */
export function relatedQuestions(
  claim: Claim,
  assessments: readonly SourceAssessment[],
  uncoveredTerms: readonly string[],
): string[] {
  const parts = claimParts(claim);
  const { topic, hasVerb } = parts;
  const out: string[] = [];
  const add = (q: string) => {
    const clean = q.replace(/\s+/g, " ").trim();
    if (clean.length > 3 && !out.some((o) => o.toLowerCase() === clean.toLowerCase()))
      out.push(clean);
  };
  const same = (a: string, b: string) =>
    a.toLowerCase().includes(b.toLowerCase()) || b.toLowerCase().includes(a.toLowerCase());
  if (claim.subClaims.length > 1)
    for (const part of claim.subClaims) add(`Is it true that ${inSentence(part)}?`);
  for (const term of uncoveredTerms.slice(0, 2)) {
    // A thing the claim names that no passage mentions, with its noun phrase as written
    // ("the transmission of COVID-19"); verbs and bare numbers make no such question.
    const phrase = parts.phraseOf(term);
    if (phrase && !same(phrase, topic))
      add(`What is known about ${phrase} in relation to ${topic}?`);
  }
  const statement = inSentence(claim.normalized.replace(/[?.!]+$/, "").trim());
  if (claim.kind === "question") {
    // As on the page a check writes (docs/how-a-check-works.md): the named parts of an open question, one by one.
    if (!YES_NO.test(claim.normalized))
      for (const entity of claim.entities.filter((e) => isName(e) && !same(e, topic)).slice(0, 2))
        add(`What is the role of ${entity} in ${topic}?`);
  } else if (hasVerb) {
    const disputed = assessments.some((a) => a.stance === "refutes" || a.stance === "mixed");
    add(
      disputed
        ? `Why do some sources dispute that ${statement}?`
        : `What evidence would contradict the claim that ${statement}?`,
    );
  } else {
    add(`What is known about ${topic}?`);
  }
  add(`What are the limitations of the evidence on ${topic}?`);
  add(`How has what is known about ${topic} changed over time?`);
  add(`What do official or independent sources say about ${topic}?`);
  add(`What primary data exist on ${topic}?`);
  add(`What are common misconceptions about ${topic}?`);
  return out.slice(0, RELATED_QUESTIONS);
}
