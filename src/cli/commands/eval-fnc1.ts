// `factually eval fnc1`: the stance model on the FNC-1 competition test set, as tables and a JSON line.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { FactuallyError } from "../../core/errors.js";
import { defaultFnc1Dir } from "../../data/fnc1-data.js";
import {
  FNC1_ANCHORS,
  type Fnc1EvalResult,
  type Fnc1Model,
  runFnc1Eval,
  shippedStanceModel,
} from "../../eval/fnc1.js";
import type { CliIo } from "../io.js";
import { formatTable } from "../terminal-table.js";

export interface EvalFnc1Options {
  /** The FNC-1 folder (default ../shared/data/fnc-1). */
  data?: string;
  json: boolean;
}

/** Scores the committed stance model (or `model`, in tests) on FNC-1; returns the exit code. */
export async function evalFnc1Command(
  options: EvalFnc1Options,
  io: CliIo,
  model: Fnc1Model = shippedStanceModel(),
): Promise<number> {
  const dataDir = options.data ? resolve(io.cwd, options.data) : defaultFnc1Dir(io.cwd);
  if (!existsSync(dataDir)) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${dataDir} not found; pass --data DIR pointing at the FNC-1 folder (competition_test_stances.csv, competition_test_bodies.csv)`,
      { target: dataDir },
    );
  }
  io.stderr.write(`scoring ${model.id} on the FNC-1 competition test set…\n`);
  const result = runFnc1Eval(model, dataDir);
  io.stdout.write(`${formatFnc1Report(result)}\n`);
  if (options.json) {
    const s = result.score;
    const round = (x: number) => Number(x.toFixed(4));
    const line = {
      benchmark: "fnc1",
      model: result.model,
      pairs: result.pairs,
      metrics: {
        fnc_score: s.score,
        max_score: s.max,
        relative_score: round(s.relative),
        accuracy: round(s.accuracy),
        f1: Object.fromEntries(result.labels.map((l) => [l, round(s.perClass[l].f1)])),
        macro_f1: round(s.macroF1),
        confusion: s.confusion,
      },
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

/** The human report: the score against its bounds and anchors, per-class figures, confusion. */
export function formatFnc1Report(result: Fnc1EvalResult): string {
  const s = result.score;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const f = (x: number) => x.toFixed(3);
  const summary = formatTable([
    ["FNC-1 competition test", "value"],
    ["score", s.score.toFixed(2)],
    ["MAX", s.max.toFixed(2)],
    ["NULL (all unrelated)", s.null.toFixed(2)],
    ["relative score", pct(s.relative)],
    ["accuracy", pct(s.accuracy)],
    ["macro-F1", f(s.macroF1)],
    ...FNC1_ANCHORS.map((a) => [
      `(published) ${a.label}`,
      a.low === a.high ? pct(a.low) : `${pct(a.low)}–${pct(a.high)}`,
    ]),
  ]);
  const perClass = formatTable([
    ["stance", "precision", "recall", "F1"],
    ...result.labels.map((l) => [
      l,
      f(s.perClass[l].precision),
      f(s.perClass[l].recall),
      f(s.perClass[l].f1),
    ]),
  ]);
  const confusion = formatTable([
    ["gold \\ predicted", ...result.labels],
    ...result.labels.map((l, i) => [l, ...(s.confusion[i] ?? []).map(String)]),
  ]);
  return [
    `${result.model} on ${result.pairs.toLocaleString("en")} FNC-1 competition test pairs`,
    "",
    summary,
    "",
    perClass,
    "",
    confusion,
  ].join("\n");
}
