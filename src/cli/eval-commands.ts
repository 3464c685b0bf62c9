// The `factually eval …` commands: one per benchmark, each importing its code only when it runs.
// Evaluations run offline unless --llm asks for the configured model, so figures do not change
// with whatever model happens to be configured.
import { type Command, Option } from "commander";
import type { ModelChoice } from "../assemble/model-choice.js";
import type { LlmConfig } from "../config/llm-config.js";
import {
  type CatalogueEntry,
  PAIR_CATALOGUE,
  type PairBenchmarkName,
  VERIFY_CATALOGUE,
  type VerifyBenchmarkName,
} from "../eval/benchmark-catalogue.js";
import type { CliIo } from "./io.js";

export interface EvalCommandContext {
  io: CliIo;
  setExit: (code: number) => void;
  /** The configured language model, read when a command runs. */
  llm: () => LlmConfig | undefined;
  /** Parses a whole number in [min, max] or throws commander's InvalidArgumentError. */
  whole: (value: string, min: number, max: number) => number;
}

interface PipelineEvalFlags {
  data?: string;
  split: string;
  limit?: number;
  json?: boolean;
  out?: string;
  llm?: boolean;
}

/** Adds every benchmark under `evaluate` (the `eval` command). */
export function registerEvalCommands(evaluate: Command, ctx: EvalCommandContext): void {
  const { io, setExit } = ctx;
  evaluate
    .command("scifact-retrieval")
    .description("retrieval on SciFact: nDCG@10, recall@10/100, MRR@10 over a throwaway index")
    .option("--data <dir>", "SciFact folder with corpus.jsonl and beir/", undefined)
    .addOption(
      new Option("--split <split>", "test = BEIR test claims; train = tuning claims")
        .choices(["test", "train"])
        .default("test"),
    )
    .option("--ablation", "run each ranking idea in turn, to show what each one buys")
    .option(
      "--db <url>",
      "index into a throwaway schema of this PostgreSQL database (postgres://…) instead of a temporary SQLite file",
    )
    .option("--json", "end with one JSON line of the metrics")
    .action(
      async (opts: {
        data?: string;
        split: "test" | "train";
        ablation?: boolean;
        db?: string;
        json?: boolean;
      }) => {
        setExit(
          await (await import("./commands/eval.js")).evalScifactRetrieval(
            {
              ...(opts.data ? { data: opts.data } : {}),
              ...(opts.db ? { database: opts.db } : {}),
              split: opts.split,
              ablation: opts.ablation === true,
              json: opts.json === true,
            },
            io,
          ),
        );
      },
    );
  evaluate
    .command("fnc1")
    .description(
      "the offline stance model on the FNC-1 competition test set: the official weighted score",
    )
    .option("--data <dir>", "the FNC-1 folder with competition_test_*.csv")
    .option("--json", "end with one JSON line of the metrics")
    .action(async (opts: { data?: string; json?: boolean }) => {
      setExit(
        await (await import("./commands/eval-fnc1.js")).evalFnc1Command(
          { ...(opts.data ? { data: opts.data } : {}), json: opts.json === true },
          io,
        ),
      );
    });
  for (const [name, entry] of Object.entries(VERIFY_CATALOGUE)) {
    pipelineEval(evaluate, name, entry, ctx, "claims").action(async (opts: PipelineEvalFlags) => {
      const { evalVerifyCommand } = await import("./commands/eval-verify.js");
      setExit(
        await evalVerifyCommand(
          { benchmark: name as VerifyBenchmarkName, ...commonOptions(opts, ctx) },
          io,
        ),
      );
    });
  }
  for (const [name, entry] of Object.entries(PAIR_CATALOGUE)) {
    pipelineEval(evaluate, name, entry, ctx, "pairs").action(async (opts: PipelineEvalFlags) => {
      const { evalPairsCommand } = await import("./commands/eval-pairs.js");
      setExit(
        await evalPairsCommand(
          { benchmark: name as PairBenchmarkName, ...commonOptions(opts, ctx) },
          io,
        ),
      );
    });
  }
}

/** A benchmark run through the pipeline: the options every such command takes. */
function pipelineEval(
  evaluate: Command,
  name: string,
  entry: CatalogueEntry,
  ctx: EvalCommandContext,
  unit: "claims" | "pairs",
): Command {
  return evaluate
    .command(name)
    .description(entry.what)
    .option("--data <dir>", `the data folder (default ../shared/data/${entry.folder})`)
    .addOption(
      new Option("--split <split>", entry.splitHelp)
        .choices(entry.splits)
        .default(entry.defaultSplit),
    )
    .option(`--limit <n>`, `only the first N ${unit}`, (v: string) => ctx.whole(v, 1, 1_000_000))
    .option(
      "--out <file>",
      `write every ${unit === "claims" ? "claim" : "pair"}'s outcome here as JSON Lines`,
    )
    .option(
      "--llm",
      "use the configured language model's stages (evaluations run offline otherwise)",
    )
    .option("--json", "end with one JSON line of the metrics");
}

function commonOptions(opts: PipelineEvalFlags, ctx: EvalCommandContext) {
  const llm = opts.llm === true ? ctx.llm() : undefined;
  const model: ModelChoice = {
    mode: opts.llm === true ? "llm" : "offline",
    ...(llm ? { llm } : {}),
  };
  return {
    split: opts.split,
    json: opts.json === true,
    model,
    ...(opts.data ? { data: opts.data } : {}),
    ...(opts.limit ? { limit: opts.limit } : {}),
    ...(opts.out ? { out: opts.out } : {}),
  };
}
