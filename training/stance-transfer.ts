// How the stance model transfers to scientific claims: SciFact dev claims against each cited
// abstract (and against their rationale sentences), with stances folded into three classes.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FactuallyError } from "../dist/core/errors.js";
import { readJsonLinesFile } from "../dist/data/json-lines-file.js";
import type { StanceLabel, StanceProbabilities } from "../dist/stance/labels.js";
import { topStance } from "../dist/stance/labels.js";

export const TRANSFER_LABELS = ["support", "refute", "neutral"] as const;
export type TransferLabel = (typeof TRANSFER_LABELS)[number];

/** agree → support, disagree → refute; discuss and unrelated both count as neutral. */
const FOLD: Record<StanceLabel, TransferLabel> = {
  agree: "support",
  disagree: "refute",
  discuss: "neutral",
  unrelated: "neutral",
};

export interface TransferMetrics {
  pairs: number;
  accuracy: number;
  macroF1: number;
  f1: Record<TransferLabel, number>;
  /** confusion[gold][predicted] in TRANSFER_LABELS order. */
  confusion: number[][];
}

export interface StanceTransferResult {
  /** Claim vs each cited abstract (title + all sentences); gold neutral for cited docs without evidence. */
  abstracts: TransferMetrics;
  /** Claim vs the sentences of each rationale (evidence docs only: support or refute). */
  rationales: TransferMetrics;
}

interface Predictor {
  predictMany(pairs: ReadonlyArray<{ claim: string; text: string }>): StanceProbabilities[];
}

/** Scores `model` on SciFact dev (claims_dev.jsonl + corpus.jsonl in `scifactDir`). */
export function runScifactStanceTransfer(
  model: Predictor,
  scifactDir: string,
): StanceTransferResult {
  const corpus = new Map<string, { title: string; sentences: string[] }>();
  for (const doc of jsonLines(join(scifactDir, "corpus.jsonl"))) {
    corpus.set(String(doc.doc_id), {
      title: String(doc.title),
      sentences: (doc.abstract as unknown[]).map(String),
    });
  }
  const abstractPairs: Array<{ claim: string; text: string; gold: TransferLabel }> = [];
  const rationalePairs: typeof abstractPairs = [];
  for (const row of jsonLines(join(scifactDir, "claims_dev.jsonl"))) {
    const claim = String(row.claim);
    const evidence = (row.evidence ?? {}) as Record<
      string,
      Array<{ sentences: number[]; label: string }>
    >;
    const docIds = new Set([
      ...((row.cited_doc_ids as unknown[]) ?? []).map(String),
      ...Object.keys(evidence),
    ]);
    for (const docId of docIds) {
      const doc = corpus.get(docId);
      if (!doc) continue;
      const rationales = evidence[docId] ?? [];
      const gold = goldOf(rationales[0]?.label);
      abstractPairs.push({ claim, text: `${doc.title}\n${doc.sentences.join(" ")}`, gold });
      for (const r of rationales) {
        rationalePairs.push({
          claim,
          text: r.sentences.map((i) => doc.sentences[i] ?? "").join(" "),
          gold,
        });
      }
    }
  }
  const score = (pairs: typeof abstractPairs) =>
    transferMetrics(
      pairs.map((p) => p.gold),
      model.predictMany(pairs).map((p) => FOLD[topStance(p)]),
    );
  return { abstracts: score(abstractPairs), rationales: score(rationalePairs) };
}

function goldOf(label: string | undefined): TransferLabel {
  if (label === "SUPPORT") return "support";
  if (label === "REFUTE" || label === "CONTRADICT") return "refute";
  return "neutral";
}

/** Accuracy, per-class and macro F1 and the confusion matrix of three-way predictions. */
export function transferMetrics(
  gold: readonly TransferLabel[],
  predicted: readonly TransferLabel[],
): TransferMetrics {
  const confusion = TRANSFER_LABELS.map(() => TRANSFER_LABELS.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? "neutral";
    if (p === g) correct++;
    const row = confusion[TRANSFER_LABELS.indexOf(g)] as number[];
    row[TRANSFER_LABELS.indexOf(p)] = (row[TRANSFER_LABELS.indexOf(p)] ?? 0) + 1;
  });
  const f1 = {} as Record<TransferLabel, number>;
  TRANSFER_LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldN = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predN = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    f1[label] = goldN + predN === 0 ? 0 : (2 * tp) / (goldN + predN);
  });
  return {
    pairs: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: TRANSFER_LABELS.reduce((a, l) => a + f1[l], 0) / TRANSFER_LABELS.length,
    f1,
    confusion,
  };
}

function jsonLines(path: string): Array<Record<string, unknown>> {
  if (!existsSync(path)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${path} not found; pass the SciFact folder (claims_dev.jsonl, corpus.jsonl)`,
      {
        target: path,
      },
    );
  }
  return readJsonLinesFile(path);
}
