// Command-line options of `npm run bench`, checked at the edge.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { FactuallyError } from "../dist/core/errors.js";

export interface BenchOptions {
  /** Synthetic corpus sizes, in passages (= documents). */
  sizes: number[];
  skipPeer: boolean;
  json: boolean;
  dataDir: string;
  timeoutSeconds: number;
  maxOldSpaceMb: number;
  seed: number;
  batchSize: number;
}

export const USAGE = `Usage: npm run bench -- [options]
  --sizes LIST             synthetic corpus sizes (default 10k,100k,1m)
  --skip-peer              measure factually only, not MiniSearch
  --json                   end stdout with one JSON line {"benchmark":"speed", ...}
  --data DIR               SciFact folder (default ../shared/data/scifact)
  --timeout-seconds N      time budget per engine × corpus (default 480)
  --max-old-space-size MB  heap cap per engine × corpus (default 4096)
  --seed N                 seed of the synthetic corpora and queries (default 1)
  --batch-size N           documents per ingest call (default 1000)`;

/** Parses `argv` (without node and the script); throws BAD_INPUT with a usable message. */
export function parseBenchOptions(argv: string[], cwd: string): BenchOptions {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new FactuallyError("BAD_INPUT", `${(error as Error).message}\n${USAGE}`, {
      cause: error,
    });
  }
  return {
    sizes: parseSizes(values.sizes),
    skipPeer: values["skip-peer"],
    json: values.json,
    dataDir: resolve(cwd, values.data),
    timeoutSeconds: positiveInteger(values["timeout-seconds"], "--timeout-seconds"),
    maxOldSpaceMb: positiveInteger(values["max-old-space-size"], "--max-old-space-size"),
    seed: positiveInteger(values.seed, "--seed"),
    batchSize: positiveInteger(values["batch-size"], "--batch-size"),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      sizes: { type: "string", default: "10k,100k,1m" },
      "skip-peer": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      data: { type: "string", default: "../shared/data/scifact" },
      "timeout-seconds": { type: "string", default: "480" },
      "max-old-space-size": { type: "string", default: "4096" },
      seed: { type: "string", default: "1" },
      "batch-size": { type: "string", default: "1000" },
    },
  });
}

/** "1m,10k" → [10000, 1000000]: smallest first, without repeats; plain numbers work too. */
export function parseSizes(list: string): number[] {
  const sizes = list.split(",").map((item) => {
    const match = /^(\d+)([km]?)$/i.exec(item.trim());
    const size = match ? Number(match[1]) * multiplier(match[2] ?? "") : 0;
    if (!Number.isSafeInteger(size) || size <= 0) {
      throw new FactuallyError("BAD_INPUT", `--sizes: "${item}" is not a size like 10k or 1m.`);
    }
    return size;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function multiplier(suffix: string): number {
  return { "": 1, k: 1_000, m: 1_000_000 }[suffix.toLowerCase()] ?? 0;
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new FactuallyError("BAD_INPUT", `${flag}: "${value}" is not a positive whole number.`);
  }
  return number;
}
