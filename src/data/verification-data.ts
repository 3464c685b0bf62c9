import { resolve } from "node:path";
import type { DocumentToStore } from "../core/interfaces/corpus-store.js";
import { type BenchmarkFolder, requireDataFile } from "./benchmark-files.js";
import { readJsonLinesFile } from "./json-lines-file.js";

export const GOLD_LABELS = ["SUPPORT", "REFUTE", "NEI"] as const;
export type GoldLabel = (typeof GOLD_LABELS)[number];

export interface VerificationClaim<L extends string = GoldLabel> {
  id: string;
  text: string;
  gold: L;
  /** Corpus ids of the documents annotated as evidence (empty for NEI in SciFact). */
  evidence: string[];
}

export interface VerificationSet<L extends string = GoldLabel> {
  name: string;
  documents: DocumentToStore[];
  claims: Array<VerificationClaim<L>>;
  /** How the set was read: rows skipped and why, counts worth knowing. */
  notes?: string[];
}

const scifactFolder = (dir: string): BenchmarkFolder => ({
  dir,
  describe: "the SciFact folder (corpus.jsonl, claims_dev.jsonl, claims_train.jsonl)",
});

const checkCovidFolder = (dir: string): BenchmarkFolder => ({
  dir,
  describe: "the Check-COVID folder (corpus.json, test/, dev/, train/)",
});

/** SciFact claims of one split against the 5,183-abstract corpus (REFUTE = CONTRADICT). */
export function loadScifactVerification(dir: string, split: "dev" | "train"): VerificationSet {
  const documents = readJsonLinesFile(requireDataFile(scifactFolder(dir), "corpus.jsonl")).map(
    (d) => ({
      id: String(d.doc_id),
      title: String(d.title ?? ""),
      text: (d.abstract as string[]).join(" "),
    }),
  );
  const claims = readJsonLinesFile(
    requireDataFile(scifactFolder(dir), `claims_${split}.jsonl`),
  ).map((c) => {
    const evidence = (c.evidence ?? {}) as Record<string, Array<{ label: string }>>;
    const docs = Object.keys(evidence);
    const first = docs.flatMap((d) => evidence[d] ?? [])[0]?.label;
    const gold: GoldLabel =
      first === "SUPPORT"
        ? "SUPPORT"
        : first === "REFUTE" || first === "CONTRADICT"
          ? "REFUTE"
          : "NEI";
    return { id: String(c.id), text: String(c.claim), gold, evidence: docs };
  });
  return { name: `SciFact ${split} (${claims.length} claims)`, documents, claims };
}

/** The Check-COVID split's claims (composed and extracted) against its 347 abstracts. */
export function loadCheckCovid(dir: string, split: "test" | "dev" | "train"): VerificationSet {
  const documents = readJsonLinesFile(requireDataFile(checkCovidFolder(dir), "corpus.json")).map(
    (d) => ({
      id: `cord:${String(d.cord_id)}`,
      title: String(d.title ?? ""),
      text: (d.abstract as string[]).join(" "),
    }),
  );
  const files =
    split === "test"
      ? ["test/covidCheck_test_composed.json", "test/covidCheck_test_extracted.json"]
      : [`${split}/covidCheck_${split}_composed+extracted.json`];
  const claims = files.flatMap((f) =>
    readJsonLinesFile(requireDataFile(checkCovidFolder(dir), f)).map((c) => {
      const label = String(c.label);
      const gold: GoldLabel =
        label === "SUPPORT" ? "SUPPORT" : label === "REFUTE" ? "REFUTE" : "NEI";
      return {
        id: String(c.id),
        text: String(c.claim),
        gold,
        // NEI claims point at the abstract that was found insufficient: not evidence.
        evidence: gold === "NEI" ? [] : [`cord:${String(c.cord_id)}`],
      };
    }),
  );
  return { name: `Check-COVID ${split} (${claims.length} claims)`, documents, claims };
}

/** The default data folder for a benchmark: `../shared/data/<name>` beside the project. */
export function defaultDataDir(name: string, cwd = process.cwd()): string {
  return resolve(cwd, "../shared/data", name);
}
