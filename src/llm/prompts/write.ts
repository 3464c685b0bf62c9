// write@3: the three sections and five related questions, in the input's language, every
// sentence citing the sources it rests on.
import { z } from "zod";
import type { WriteInput } from "../../core/interfaces/writer.js";
import { languageName } from "../../text/language.js";
import type { Prompt } from "./prompt.js";
import { DATA_RULE, type DataWriter, delimited } from "./untrusted.js";

const Sentence = z.object({
  text: z.string().min(1).max(800),
  cites: z.array(z.number().int()).max(8).describe("numbers of the sources the sentence rests on"),
});
const Paragraph = z.object({ sentences: z.array(Sentence).min(1).max(8) });

export const WriteOutput = z.object({
  summary: z.array(Paragraph).min(1).max(3),
  missingContext: z.array(Paragraph).max(3),
  bias: z.array(Paragraph).max(3),
  relatedQuestions: z.array(z.string().min(1).max(250)).min(3).max(7),
});
export type WriteOutput = z.infer<typeof WriteOutput>;

/** Passages per source given to the writer: enough to write from, bounded for the budget. */
const PASSAGES_PER_SOURCE = 3;

export const writePrompt: Prompt<WriteInput, WriteOutput> = {
  name: "write",
  version: "write@3",
  schema: WriteOutput,
  maxOutputTokens: 2500,
  system: ({ claim }) =>
    [
      `You write a fact-check report about a ${claim.kind}, in ${languageName(claim.language)}, from the sources given and nothing else.`,
      "Sections:",
      "- summary: what the sources found, weighed: which support it, which contradict it, how strong the evidence is. Start with the overall picture.",
      "- missingContext: context or alternative viewpoints a reader needs: conditions, limits, dates, disagreements among sources.",
      "- bias: possible misinformation or bias in the original statement's wording (overstatement, missing qualifiers, outdated framing), and limits of the sources (undated, one-sided, press releases).",
      "- relatedQuestions: five short questions a reader might ask next, in the same language.",
      "Rules:",
      "- Every sentence cites, in `cites`, the numbers of the sources whose passages state what it says. Cite only the numbers given; a sentence no passage supports must not be written.",
      "- Say only what the cited passages say. No outside knowledge, no guesses. Every number, percentage, date and name you write must appear in the passages the sentence cites; a sentence with one that does not is removed.",
      "- Do not write citation marks like [1] in the text; the cites field carries them.",
      "- Attribute findings to sources ('one study found…'), keep the verdict given to you, and keep sentences short.",
      "- A source marked factcheck is an earlier fact-check by another publisher: mention it in the summary as what it is ('PolitiFact rated it False'), citing it, but never count it as evidence for or against.",
      DATA_RULE,
    ].join("\n"),
  user: (input) => delimited((d) => writeData(input, d)),
};

function writeData(input: WriteInput, d: DataWriter): string {
  const { claim, verdict, sources, assessments, passages } = input;
  const blocks = sources.map((source) => {
    const assessment = assessments.find((a) => a.sourceN === source.n);
    const own = passages.filter((p) => p.sourceN === source.n).slice(0, PASSAGES_PER_SOURCE);
    return d.group(
      "source",
      own.map((p) => d.block("passage", p.text)),
      {
        n: source.n,
        title: source.title,
        publisher: source.publisher,
        published: source.publishedAt ?? "undated",
        type: source.profile,
        stance: source.factCheck ? undefined : assessment?.stance,
        factcheck: source.factCheck
          ? `${source.factCheck.publisher} rated it "${source.factCheck.rating}"`
          : undefined,
      },
    );
  });
  return [
    `The ${claim.kind}:`,
    d.block("input", claim.text),
    `The verdict already reached: ${verdict.label} (confidence ${Math.round(verdict.confidence * 100)}%). ${verdict.rationale}`,
    `The ${sources.length} sources, numbered for citation:`,
    ...blocks,
  ].join("\n");
}
