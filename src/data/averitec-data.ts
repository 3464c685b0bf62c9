// Reads the AVeriTeC subset (claims-999.json) as a claim set: every question–answer pair of
// every claim is one document of the corpus; the claims of one part are checked against it.
// CC BY-NC: for evaluation and tuning only, never for training shipped weights.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { FactuallyError } from "../core/errors.js";
import type { DocumentToStore } from "../core/interfaces/corpus-store.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { type ClaimPart, claimPart } from "./claim-split.js";
import { AVERITEC_SCHEME, type AveritecLabel } from "./label-mappings.js";
import type { VerificationSet } from "./verification-data.js";

const Answer = z.object({
  answer: z.string(),
  answer_type: z.string().optional(),
  boolean_explanation: z.string().optional(),
});

const AveritecClaim = z.object({
  claim: z.string(),
  label: z.enum(AVERITEC_SCHEME.labels),
  questions: z.array(z.object({ question: z.string(), answers: z.array(Answer) })),
});

const AveritecFile = z.array(AveritecClaim);

/** The text of a QA pair's answers: a yes/no answer with its explanation; none when unanswerable. */
export function answerText(answers: ReadonlyArray<z.infer<typeof Answer>>): string {
  return answers
    .filter((a) => a.answer_type !== "Unanswerable")
    .map((a) => {
      const answer = a.answer.trim();
      const why = a.boolean_explanation?.trim();
      return why ? `${answer.replace(/[.!?]$/, "")}. ${why}` : answer;
    })
    .filter((t) => t !== "")
    .join(" ");
}

/**
 * The claims of one part, checked against the QA pairs of all 999 claims. A claim's part is
 * decided by its text, so the few claims the file repeats fall on one side together.
 */
export function loadAveritec(dir: string, part: ClaimPart): VerificationSet<AveritecLabel> {
  const folder: BenchmarkFolder = {
    dir,
    describe: "the AVeriTeC subset folder (claims-999.json)",
  };
  const path = requireDataFile(folder, "claims-999.json");
  const parsed = AveritecFile.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FactuallyError(
      "PARSE_FAILED",
      `${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not an AVeriTeC claim list"}`,
      { target: path },
    );
  }
  const documents: DocumentToStore[] = [];
  const set: VerificationSet<AveritecLabel> = { name: "", documents, claims: [] };
  let unanswered = 0;
  for (const [i, item] of parsed.data.entries()) {
    const evidence: string[] = [];
    for (const [j, qa] of item.questions.entries()) {
      const text = answerText(qa.answers);
      if (text === "") {
        unanswered++;
        continue;
      }
      const id = `${i}:${j}`;
      documents.push({ id, title: qa.question.trim(), text });
      evidence.push(id);
    }
    if (claimPart("averitec", item.claim.trim()) !== part) continue;
    set.claims.push({ id: String(i), text: item.claim.trim(), gold: item.label, evidence });
  }
  set.name = `AVeriTeC subset, ${part} part (${set.claims.length} claims)`;
  set.notes = [
    `${documents.length} question–answer documents from all ${parsed.data.length} claims; ${unanswered} question${unanswered === 1 ? "" : "s"} with no answer left out`,
  ];
  return set;
}
