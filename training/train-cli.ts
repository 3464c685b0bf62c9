// `npm run train:stance`: trains the stance model on the shared data's train splits (and the
// pipeline's own candidate sentences for the SciFact and Check-COVID train claims), picks the
// number of boosting rounds on a held-out fifth, refits on everything, writes models/stance.json.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serializeWeights } from "../dist/stance/weights.js";
import { selectAndTrain } from "./train-selection.ts";
import { loadTrainingSet } from "./training-set.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data" },
    out: { type: "string" },
  },
});
const dataDir = resolve(values.data ?? "../shared/data");
const out = values.out ?? fileURLToPath(new URL("../models/stance.json", import.meta.url));
const log = (message: string) => process.stderr.write(`${message}\n`);
const started = performance.now();
const set = await loadTrainingSet(dataDir, 1, { log });
log(`read ${set.pairs.length} training pairs from ${dataDir}`);
const weights = selectAndTrain(set, { log });
writeFileSync(out, serializeWeights(weights));
log(`wrote ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
