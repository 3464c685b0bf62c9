// Labelled (claim, evidence) pairs from the shared data sets whose licences let a shipped model
// learn from them (never a non-commercial set): each one teaches which way evidence points.
// Every loader reads only the part of its set that training may use.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { claimPart } from "../dist/data/claim-split.js";
import type { StanceLabel } from "../dist/stance/labels.js";
import { jsonLines, type LabelledPair, requireData } from "./science-data.ts";

/** CREAK train (MIT): a claim about an entity and the sentence that explains its truth value. */
export function creakPairs(dataDir: string): LabelledPair[] {
  return jsonLines(join(dataDir, "creak", "data_creak_train.json")).map((row) => ({
    claim: String(row.sentence),
    text: String(row.explanation),
    label: row.label === "true" ? "agree" : "disagree",
    group: `creak:${String(row.ex_id)}`,
    source: "creak",
  }));
}

/**
 * COVID-Fact (licence unstated; Reddit claims, sentences of the web pages they cite): a claim
 * and its evidence sentences, supported or refuted. Most refuted claims are the supported ones
 * with a word swapped, so a claim and its counter-claims share a group (their first evidence).
 * Only the train part of a stable split by that group is read.
 */
export function covidFactPairs(dataDir: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  for (const row of jsonLines(join(dataDir, "covidfact", "COVIDFACT_dataset.jsonl"))) {
    const evidence = (row.evidence as unknown[] | undefined)?.map(String) ?? [];
    const group = `covidfact:${evidence[0] ?? String(row.claim)}`;
    if (evidence.length === 0 || claimPart("covidfact", group) !== "train") continue;
    pairs.push({
      claim: String(row.claim),
      text: evidence.slice(0, 3).join(" "),
      label: row.label === "SUPPORTED" ? "agree" : "disagree",
      group,
      source: "covidfact",
    });
  }
  return pairs;
}

/** PERSPECTRUM train split (CC BY-SA 4.0): debate claims and perspectives for or against them. */
export function perspectrumPairs(dataDir: string): LabelledPair[] {
  const dir = join(dataDir, "perspectrum");
  const read = (name: string) => JSON.parse(readFileSync(requireData(join(dir, name)), "utf8"));
  const split = read("data_dataset_dataset_split_v1.0.json") as Record<string, string>;
  const pool = new Map(
    (read("data_dataset_perspective_pool_v1.0.json") as Array<{ pId: number; text: string }>).map(
      (p) => [p.pId, p.text],
    ),
  );
  const pairs: LabelledPair[] = [];
  const claims = read("data_dataset_perspectrum_with_answers_v1.0.json") as Array<{
    cId: number;
    text: string;
    perspectives: Array<{ pids: number[]; stance_label_3: string }>;
  }>;
  for (const claim of claims) {
    if (split[String(claim.cId)] !== "train") continue;
    for (const cluster of claim.perspectives) {
      const label: StanceLabel | undefined =
        cluster.stance_label_3 === "SUPPORT"
          ? "agree"
          : cluster.stance_label_3 === "UNDERMINE"
            ? "disagree"
            : undefined;
      const text = pool.get(cluster.pids[0] ?? -1);
      if (!label || !text) continue;
      pairs.push({
        claim: claim.text,
        text,
        label,
        group: `perspectrum:${claim.cId}`,
        source: "perspectrum",
      });
    }
  }
  return pairs;
}

/**
 * HealthVer dev (licence unstated; NIH/NLM authors): health claims against sentences of
 * COVID-19 papers, supporting, refuting or neutral. Its test part stays for `eval healthver`.
 */
export function healthverPairs(dataDir: string): LabelledPair[] {
  const rows = parse(
    readFileSync(requireData(join(dataDir, "healthver", "data_healthver_dev.csv"))),
    {
      columns: true,
      skip_empty_lines: true,
    },
  ) as Array<Record<string, string>>;
  const label: Record<string, StanceLabel> = {
    Supports: "agree",
    Refutes: "disagree",
    Neutral: "discuss",
  };
  return rows.flatMap((row): LabelledPair[] => {
    const l = label[row.label ?? ""];
    if (!l || !row.claim || !row.evidence) return [];
    return [
      {
        claim: row.claim,
        text: row.evidence,
        label: l,
        group: `healthver:${row.claim}`,
        source: "healthver",
      },
    ];
  });
}

/**
 * Climate-FEVER (licence unstated; sentences from Wikipedia, CC BY-SA): each claim's five
 * evidence sentences as labelled by annotators, from the train part of a stable split by claim
 * (the reporting part is `eval climate-fever`'s).
 */
export function climateFeverPairs(dataDir: string): LabelledPair[] {
  const label: Record<string, StanceLabel> = {
    SUPPORTS: "agree",
    REFUTES: "disagree",
    NOT_ENOUGH_INFO: "discuss",
  };
  const pairs: LabelledPair[] = [];
  for (const row of jsonLines(join(dataDir, "climate-fever", "climate-fever.jsonl"))) {
    const id = String(row.claim_id);
    if (claimPart("climate-fever", id) !== "train") continue;
    for (const e of (row.evidences as Array<Record<string, unknown>>) ?? []) {
      const l = label[String(e.evidence_label)];
      if (!l) continue;
      pairs.push({
        claim: String(row.claim),
        text: String(e.evidence),
        context: { title: String(e.article) },
        label: l,
        group: `climate-fever:${id}`,
        source: "climate-fever",
      });
    }
  }
  return pairs;
}
