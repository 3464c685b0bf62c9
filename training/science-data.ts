// Labelled (claim, text) pairs from the scientific claim sets' train splits: SciFact (claims
// CC BY 4.0, abstracts ODC-By 1.0) and Check-COVID (MIT), mapped onto the four FNC-1 stances.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FactuallyError } from "../dist/core/errors.js";
import { readJsonLinesFile } from "../dist/data/json-lines-file.js";
import type { StanceContext } from "../dist/stance/context-features.js";
import type { StanceLabel } from "../dist/stance/labels.js";
import { mulberry32 } from "../dist/text/prng.js";

/** Where a training pair comes from; each source can be weighted in training. */
export type PairSource =
  | "fnc1"
  | "fnc1-passage"
  | "scifact"
  | "check-covid"
  | "contrast"
  | "scifact-candidates"
  | "check-covid-candidates"
  | "creak"
  | "covidfact"
  | "perspectrum"
  | "healthver"
  | "climate-fever";

export interface LabelledPair {
  claim: string;
  text: string;
  /** Where the text comes from (title, section…), as the pipeline would know it. */
  context?: StanceContext;
  label: StanceLabel;
  /** Pairs sharing a group (an FNC-1 body, a scientific claim) go to the same side of a split. */
  group: string;
  source: PairSource;
}

interface Abstract {
  title: string;
  sentences: string[];
}

const LABEL: Record<string, StanceLabel> = {
  SUPPORT: "agree",
  REFUTE: "disagree",
  CONTRADICT: "disagree",
};

/**
 * SciFact train claims: evidence abstracts and their rationale sentences → agree/disagree;
 * abstracts cited by a claim without evidence → discuss (same topic, no verdict); one random
 * other abstract and two random sentences of others → unrelated.
 */
export function scifactTrainPairs(dir: string, seed: number): LabelledPair[] {
  const corpus = new Map<string, Abstract>();
  for (const doc of jsonLines(join(dir, "corpus.jsonl"))) {
    corpus.set(String(doc.doc_id), {
      title: String(doc.title),
      sentences: (doc.abstract as unknown[]).map(String),
    });
  }
  const ids = [...corpus.keys()];
  const random = mulberry32(seed);
  const pairs: LabelledPair[] = [];
  for (const row of jsonLines(join(dir, "claims_train.jsonl"))) {
    const claim = String(row.claim);
    // Twin claims cite the same abstracts: one group, as in evidence-sets.ts.
    const cited = ((row.cited_doc_ids as unknown[]) ?? []).map(String);
    const group = `scifact:${[...(cited.length > 0 ? cited : [String(row.id)])].sort().join(",")}`;
    const add = (text: string, label: StanceLabel) =>
      pairs.push({ claim, text, label, group, source: "scifact" });
    const evidence = (row.evidence ?? {}) as Record<
      string,
      Array<{ sentences: number[]; label: string }>
    >;
    for (const [docId, rationales] of Object.entries(evidence)) {
      const doc = corpus.get(docId);
      const label = LABEL[rationales[0]?.label ?? ""];
      if (!doc || !label) continue;
      add(wholeAbstract(doc), label);
      for (const rationale of rationales) {
        add(rationale.sentences.map((i) => doc.sentences[i] ?? "").join(" "), label);
      }
    }
    if (Object.keys(evidence).length === 0) {
      for (const docId of (row.cited_doc_ids as unknown[]) ?? []) {
        const doc = corpus.get(String(docId));
        if (doc) add(wholeAbstract(doc), "discuss");
      }
    }
    const other = corpus.get(ids[Math.floor(random() * ids.length)] ?? "");
    if (other) {
      add(wholeAbstract(other), "unrelated");
      add(
        other.sentences[Math.floor(random() * other.sentences.length)] ?? other.title,
        "unrelated",
      );
    }
  }
  return pairs;
}

/**
 * Check-COVID train claims against their abstract and against its evidence sentences
 * (SUPPORT → agree, REFUTE → disagree, NOTENOUGHINFO → discuss), plus a random other abstract
 * → unrelated.
 */
export function checkCovidTrainPairs(dir: string, seed: number): LabelledPair[] {
  const corpus = new Map<string, Abstract>();
  for (const doc of jsonLines(join(dir, "corpus.json"))) {
    corpus.set(String(doc.cord_id), {
      title: String(doc.title),
      sentences: (doc.abstract as unknown[]).map(String),
    });
  }
  const ids = [...corpus.keys()];
  const random = mulberry32(seed);
  const pairs: LabelledPair[] = [];
  for (const row of jsonLines(join(dir, "train/covidCheck_train_composed+extracted.json"))) {
    const claim = String(row.claim).trim();
    // The versions of one claim (supported, refuted, not enough info) share an id prefix.
    const group = `check-covid:${String(row.id).split("_")[0]}`;
    const doc = corpus.get(String(row.cord_id));
    const label = LABEL[String(row.label)] ?? "discuss";
    if (!doc) continue;
    const add = (text: string, l: StanceLabel) =>
      pairs.push({ claim, text, label: l, group, source: "check-covid" });
    add(wholeAbstract(doc), label);
    const evidence = (row.evidence_set as Array<{ sent_index: number }>) ?? [];
    add(evidence.map((e) => doc.sentences[e.sent_index] ?? "").join(" "), label);
    const other = corpus.get(ids[Math.floor(random() * ids.length)] ?? "");
    if (other && other !== doc) add(wholeAbstract(other), "unrelated");
  }
  return pairs;
}

export function wholeAbstract(doc: Abstract): string {
  return `${doc.title}\n${doc.sentences.join(" ")}`;
}

/** `path`, or a clear error naming the flag that points at the shared data folder. */
export function requireData(path: string): string {
  if (!existsSync(path)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${path} not found; pass --data DIR (the shared data folder)`,
      {
        target: path,
      },
    );
  }
  return path;
}

/** The objects of a JSON Lines file of the shared data folder. */
export function jsonLines(path: string): Array<Record<string, unknown>> {
  return readJsonLinesFile(requireData(path));
}
