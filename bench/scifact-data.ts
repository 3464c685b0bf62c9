// Reads the SciFact corpus and BEIR test queries in place from the shared data folder.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { FactuallyError } from "../dist/core/errors.js";

const CorpusLine = z.object({
  doc_id: z.union([z.number(), z.string()]),
  title: z.string(),
  abstract: z.array(z.string()),
});

const QueryLine = z.object({ _id: z.string(), text: z.string() });

export interface ScifactDocument {
  id: string;
  title: string;
  text: string;
}

/** Where the two files live under `dataDir`. */
export function scifactPaths(dataDir: string): { corpus: string; queries: string } {
  return {
    corpus: join(dataDir, "corpus.jsonl"),
    queries: join(dataDir, "beir", "queries-test.jsonl"),
  };
}

/** Whether the corpus and the queries are both there. */
export function hasScifact(dataDir: string): boolean {
  const paths = scifactPaths(dataDir);
  return existsSync(paths.corpus) && existsSync(paths.queries);
}

/** The 5,183 abstracts, each as one document: the sentences joined into one paragraph. */
export function readScifactCorpus(dataDir: string): ScifactDocument[] {
  return readJsonLines(scifactPaths(dataDir).corpus, CorpusLine).map((line) => ({
    id: `scifact-${line.doc_id}`,
    title: line.title,
    text: line.abstract.map((sentence) => sentence.trim()).join(" "),
  }));
}

/** The texts of the 300 BEIR test claims. */
export function readScifactQueries(dataDir: string): string[] {
  return readJsonLines(scifactPaths(dataDir).queries, QueryLine).map((line) => line.text);
}

function readJsonLines<T>(path: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const out: T[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    out.push(parseLine(line, schema, `line ${index + 1} of ${path}`));
  }
  return out;
}

function parseLine<T>(line: string, schema: z.ZodType<T>, where: string): T {
  try {
    return schema.parse(JSON.parse(line));
  } catch (error) {
    throw new FactuallyError("PARSE_FAILED", `Unexpected content at ${where}.`, { cause: error });
  }
}
