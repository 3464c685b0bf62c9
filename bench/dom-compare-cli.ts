// Entry of the linkedom-vs-jsdom benchmark, run from the repository root after the build:
//   node bench/dom-compare-cli.ts [--warmup 5] [--iterations 30]
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FactuallyError, isFactuallyError } from "../dist/core/errors.js";
import { type BenchPage, compareDoms, type PageComparison } from "./dom-compare.ts";
import { DOM_NAMES, type DomName } from "./dom-compare-dom.ts";
import { formatDomCompareReport } from "./dom-compare-report.ts";
import { machineInfo } from "./report.ts";
import { percentile } from "./stats.ts";

const USAGE = `Usage: node bench/dom-compare-cli.ts [options]
  --warmup N       untimed rounds per page (default 5)
  --iterations N   timed rounds per page (default 30)`;

// The repository root, one level above bench/.
const ROOT = new URL("../", import.meta.url);
const PAGE_DIRS = ["test/fixtures/ingest/", "test/fixtures/web/pages/"];
const MODULE_LOAD_RUNS = 5;

async function main(argv: string[]): Promise<void> {
  const { warmup, iterations } = parseOptions(argv);
  const startedAt = new Date().toISOString();
  const comparisons: PageComparison[] = [];
  for (const page of loadPages()) {
    process.stderr.write(`${page.name}…\n`);
    comparisons.push(await compareDoms(page, { warmup, iterations }));
  }
  const report = formatDomCompareReport({
    startedAt,
    machine: machineInfo(),
    versions: Object.fromEntries(
      ["linkedom", "jsdom", "@mozilla/readability"].map((name) => [name, installedVersion(name)]),
    ),
    warmup,
    iterations,
    moduleLoadMs: moduleLoadTimes(),
    comparisons,
  });
  process.stdout.write(`${report}\n`);
}

function parseOptions(argv: string[]): { warmup: number; iterations: number } {
  let values: { warmup: string; iterations: string };
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        warmup: { type: "string", default: "5" },
        iterations: { type: "string", default: "30" },
      },
    }).values;
  } catch (error) {
    throw new FactuallyError("BAD_INPUT", `${(error as Error).message}\n${USAGE}`, {
      cause: error,
    });
  }
  const count = (value: string, flag: string, min: number) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < min) {
      throw new FactuallyError("BAD_INPUT", `${flag}: "${value}" is not a whole number ≥ ${min}.`);
    }
    return number;
  };
  return {
    warmup: count(values.warmup, "--warmup", 0),
    iterations: count(values.iterations, "--iterations", 1),
  };
}

/** Every .html fixture page, in a stable order. */
function loadPages(): BenchPage[] {
  return PAGE_DIRS.flatMap((dir) => {
    const folder = new URL(dir, ROOT);
    return readdirSync(folder)
      .filter((name) => name.endsWith(".html"))
      .sort()
      .map((name) => ({ name, html: readFileSync(new URL(name, folder), "utf8") }));
  });
}

function installedVersion(name: string): string {
  const manifest = new URL(`node_modules/${name}/package.json`, ROOT);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * What a one-shot CLI pays before its first page: importing the DOM package in a fresh
 * process, the two alternating so neither always runs on a cold file cache.
 */
function moduleLoadTimes(): Record<DomName, number> | undefined {
  const times: Record<DomName, number[]> = { linkedom: [], jsdom: [] };
  for (let run = 0; run < MODULE_LOAD_RUNS; run++) {
    for (const dom of DOM_NAMES) {
      const script = `const t = performance.now(); await import(${JSON.stringify(dom)}); process.stdout.write(String(performance.now() - t));`;
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: ROOT,
        encoding: "utf8",
      });
      const ms = Number(child.stdout);
      if (child.status !== 0 || !Number.isFinite(ms)) {
        process.stderr.write(`module load of ${dom} not measured: ${child.stderr.trim()}\n`);
        return undefined;
      }
      times[dom].push(ms);
    }
  }
  return { linkedom: percentile(times.linkedom, 50), jsdom: percentile(times.jsdom, 50) };
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (isFactuallyError(error) && error.isUserError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
