// `npm run tune:verdict`: chooses the assessor's thresholds and the judge's settings by 5-fold
// cross-validation on SciFact train and Check-COVID train claims (and on the train parts of the
// real-world sets LIAR-PLUS and AVeriTeC, read by the committed model), fits the confidence
// calibration, measures each evidence gate on its own, and prints the settings to copy into
// DEFAULT_STANCE_THRESHOLDS, DEFAULT_JUDGE and DEFAULT_CALIBRATION (and a JSON line).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatTable } from "../dist/cli/terminal-table.js";
import { loadStanceModel } from "../dist/stance/model.js";
import { DEFAULT_PARAMS } from "./train-selection.ts";
import { crossValidatedClaims, realWorldTrainClaims } from "./verdict-cv.ts";
import { calibrate, memoised, scoreSetting, searchGrid } from "./verdict-tuning.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data" },
    out: { type: "string" },
    // A model other than the committed one (a candidate being trained: it is read only after
    // the cross-validation folds are trained, so both can run at once), and its rounds.
    model: { type: "string" },
    rounds: { type: "string" },
  },
});
const dataDir = resolve(values.data ?? "../shared/data");
const log = (message: string) => process.stderr.write(`${message}\n`);
const load = () => (values.model ? loadStanceModel(resolve(values.model)) : loadStanceModel());
// Without --rounds the model must exist now: its rounds (chosen by train:stance on held-out
// groups) are the folds' recipe, and it is read once.
const early = values.rounds === undefined ? load() : undefined;
const rounds = Number(
  values.rounds ?? early?.weights.training.hyperParameters.rounds ?? DEFAULT_PARAMS.rounds,
);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`--rounds must be a positive whole number, not ${values.rounds}\n`);
  process.exit(2);
}
const started = performance.now();
const folds = await crossValidatedClaims(dataDir, { params: { ...DEFAULT_PARAMS, rounds }, log });
const committed = early ?? load();
const modelRounds = committed.weights.training.hyperParameters.rounds;
if (modelRounds !== undefined && modelRounds !== rounds)
  log(`note: the folds were trained with ${rounds} rounds, ${committed.id} with ${modelRounds}`);
const prepared = [...folds, ...(await realWorldTrainClaims(dataDir, memoised(committed), log))];
log(`${prepared.length} claims prepared; searching the grid…`);
const results = await searchGrid(prepared);
const best = results[0];
if (!best) throw new Error("the grid is empty");
const sets = Object.keys(best.perSet);
const row = (label: string, r: (typeof results)[number]) => [
  label,
  r.score.toFixed(3),
  ...sets.flatMap((s) => [
    (r.perSet[s]?.macroF1 ?? 0).toFixed(3),
    (r.perSet[s]?.unverified ?? 0).toFixed(2),
  ]),
];
const header = ["", "mean macro-F1", ...sets.flatMap((s) => [`${s} macro-F1`, `${s} unverified`])];
const ablation = [];
for (const [label, gates] of [
  ["all gates (chosen)", {}],
  ["without the subject gate", { subject: false }],
  ["without the setup gate (sections, aims)", { setup: false }],
  ["without the negative-result rule", { negativeResult: false }],
  ["without the direct-answer rule", { directAnswer: false }],
  [
    "no gates or rules",
    { subject: false, setup: false, negativeResult: false, directAnswer: false },
  ],
] as const) {
  ablation.push(row(label, await scoreSetting(prepared, best.setting, gates)));
}
const calibration = await calibrate(committed.fingerprint, prepared, best.setting);
process.stdout.write(
  [
    `Best settings (5-fold cross-validation, ${prepared.length} train claims, ${((performance.now() - started) / 1000).toFixed(0)} s):`,
    JSON.stringify(best.setting),
    "",
    formatTable([
      header,
      ...results.slice(0, 8).map((r, i) => row(i === 0 ? "best" : `#${i + 1}`, r)),
    ]),
    "",
    "Each gate on its own, at the best settings:",
    formatTable([header, ...ablation]),
    "",
    `Calibration (${committed.fingerprint}): ${JSON.stringify(calibration.sides)}`,
    "",
  ].join("\n"),
);
const line = { benchmark: "verdict-tuning", model: committed.fingerprint, best, calibration };
process.stdout.write(`${JSON.stringify(line)}\n`);
if (values.out) writeFileSync(values.out, `${JSON.stringify(line, null, 2)}\n`);
