// Reads the SciFact benchmark files (BEIR test queries and qrels, or qrels made from train claims).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FactuallyError } from "../core/errors.js";
import { readJsonLinesFile } from "./json-lines-file.js";

/** Relevant document ids per query id. */
export type Qrels = ReadonlyMap<string, ReadonlySet<string>>;

export interface RetrievalSet {
  name: string;
  queries: Array<{ id: string; text: string }>;
  qrels: Qrels;
}

/** The default data folder: `../shared/data/scifact` beside the project. */
export function defaultScifactDir(cwd = process.cwd()): string {
  return resolve(cwd, "../shared/data/scifact");
}

/** Fails with a clear message when a benchmark file is missing. */
export function requireFile(dir: string, name: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${path} not found; pass --data DIR pointing at the SciFact folder (with corpus.jsonl and beir/)`,
      { target: path },
    );
  }
  return path;
}

/** BEIR's SciFact test split: 300 claims (SciFact dev) and their cited documents. */
export function loadBeirTest(dir: string): RetrievalSet {
  const queries = readJsonLinesFile(requireFile(dir, "beir/queries-test.jsonl")).map((q) => ({
    id: String(q._id),
    text: String(q.text),
  }));
  const qrels = new Map<string, Set<string>>();
  const lines = readFileSync(requireFile(dir, "beir/qrels-test.tsv"), "utf8").split("\n");
  for (const line of lines.slice(1)) {
    const [query, doc, score] = line.split("\t");
    if (!query || !doc || Number(score) <= 0) continue;
    const set = qrels.get(query) ?? new Set<string>();
    set.add(doc);
    qrels.set(query, set);
  }
  return { name: "BEIR SciFact test (300 claims)", queries, qrels };
}

/**
 * The 809 SciFact train claims with their cited documents, built the way BEIR built the test
 * qrels. Used to choose retrieval settings without looking at the test claims.
 */
export function loadTrainAsRetrieval(dir: string): RetrievalSet {
  const claims = readJsonLinesFile(requireFile(dir, "claims_train.jsonl"));
  const queries: RetrievalSet["queries"] = [];
  const qrels = new Map<string, Set<string>>();
  for (const claim of claims) {
    const cited = Array.isArray(claim.cited_doc_ids) ? claim.cited_doc_ids.map(String) : [];
    if (cited.length === 0) continue;
    const id = String(claim.id);
    queries.push({ id, text: String(claim.claim) });
    qrels.set(id, new Set(cited));
  }
  return { name: `SciFact train (${queries.length} claims, for tuning)`, queries, qrels };
}
