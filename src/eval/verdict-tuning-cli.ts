// `npm run tune:verdict [-- scifact|check-covid]`: grid-searches the stance thresholds and the
// judge's settings on TRAIN claims and prints the best ones (the defaults are copied by hand).
import { loadStanceModel } from "../stance/model.js";
import { formatTable } from "../text/table.js";
import { tuneVerdict } from "./verdict-tuning.js";
import { defaultDataDir, loadCheckCovid, loadScifactVerification } from "./verification-data.js";

const which = process.argv[2] ?? "scifact";
const set =
  which === "check-covid"
    ? loadCheckCovid(defaultDataDir("check-covid"), "train")
    : loadScifactVerification(defaultDataDir("scifact"), "train");
process.stderr.write(`${set.name}: running the pipeline up to selection once per claim…\n`);
const results = await tuneVerdict(set, loadStanceModel(), (done, total) => {
  if (done % 100 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`);
});
const rows = results
  .slice(0, 10)
  .map((r) => [
    r.macroF1.toFixed(3),
    r.accuracy.toFixed(3),
    String(r.setting.supportAt),
    String(r.setting.refuteAt),
    String(r.setting.judge.relevancePower),
    String(r.setting.judge.minWeight),
    String(r.setting.judge.supportShare),
  ]);
process.stdout.write(
  `${formatTable([["macro-F1", "accuracy", "supportAt", "refuteAt", "relevancePower", "minWeight", "supportShare"], ...rows])}\n`,
);
process.stdout.write(
  `${JSON.stringify({ benchmark: "verdict-tuning", set: set.name, best: results[0] })}\n`,
);
