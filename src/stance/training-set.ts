// Gathers the labelled training pairs from the shared data folder (train splits only) and splits
// them by group into a fitting part and a held-out part for model selection.
import { join } from "node:path";
import { readFnc1Split } from "../eval/fnc1-data.js";
import { mulberry32 } from "../text/prng.js";
import { contrastPairs } from "./contrast-pairs.js";
import { passagePairs } from "./passage-pairs.js";
import { checkCovidTrainPairs, type LabelledPair, scifactTrainPairs } from "./science-data.js";
import type { StanceWeights } from "./weights.js";

export interface TrainingSet {
  pairs: LabelledPair[];
  /** What the weights file records about the data. */
  data: StanceWeights["training"]["data"];
}

// Share of FNC-1 article pairs that also yield a short-passage pair.
const PASSAGE_SHARE = 0.2;
// Share of short agree/disagree pairs that also yield a contradicted (label-flipped) pair.
const CONTRAST_SHARE = 0.25;

/** FNC-1 train (articles and passages cut from them), SciFact train and Check-COVID train, read from `dataDir` (../shared/data). */
export function loadTrainingSet(dataDir: string, seed: number): TrainingSet {
  const fnc1 = readFnc1Split(join(dataDir, "fnc-1"), "train").map(
    (p): LabelledPair => ({
      claim: p.headline,
      text: p.body,
      label: p.stance,
      group: `fnc1:${p.bodyId}`,
      source: "fnc1",
    }),
  );
  const passages = passagePairs(fnc1, PASSAGE_SHARE, seed + 3);
  const scifact = scifactTrainPairs(join(dataDir, "scifact"), seed + 1);
  const checkCovid = checkCovidTrainPairs(join(dataDir, "check-covid"), seed + 2);
  const contrast = contrastPairs(
    [...passages, ...scifact, ...checkCovid],
    CONTRAST_SHARE,
    seed + 4,
  );
  return {
    pairs: [...fnc1, ...passages, ...scifact, ...checkCovid, ...contrast],
    data: [
      {
        name: "FNC-1 train",
        files: ["fnc-1/train_stances.csv", "fnc-1/train_bodies.csv"],
        pairs: fnc1.length,
        licence:
          "unstated (FakeNewsChallenge/fnc-1 has no LICENSE); research use; derived from Emergent (Ferreira & Vlachos 2016)",
      },
      {
        name: "FNC-1 train, passages",
        files: ["fnc-1/train_stances.csv", "fnc-1/train_bodies.csv"],
        pairs: passages.length,
        licence: "as FNC-1 train (one- or two-sentence passages cut from its bodies)",
      },
      {
        name: "SciFact train",
        files: ["scifact/claims_train.jsonl", "scifact/corpus.jsonl"],
        pairs: scifact.length,
        licence: "claims CC BY 4.0; abstracts ODC-By 1.0 (Wadden et al. 2020)",
      },
      {
        name: "Check-COVID train",
        files: [
          "check-covid/train/covidCheck_train_composed+extracted.json",
          "check-covid/corpus.json",
        ],
        pairs: checkCovid.length,
        licence: "MIT (Wang et al. 2023)",
      },
      {
        name: "contrast pairs",
        files: [],
        pairs: contrast.length,
        licence:
          "as their sources (FNC-1 passages, SciFact and Check-COVID train): a short agree text or claim rewritten to say the opposite (negation added or removed, direction word or number swapped), label flipped",
      },
    ],
  };
}

/** Indices of the pairs whose group falls in the held-out share (seeded, by group). */
export function heldOutGroups(
  pairs: readonly LabelledPair[],
  share: number,
  seed: number,
): Set<string> {
  const random = mulberry32(seed);
  const held = new Set<string>();
  const seen = new Set<string>();
  for (const p of pairs) {
    if (seen.has(p.group)) continue;
    seen.add(p.group);
    if (random() < share) held.add(p.group);
  }
  return held;
}
