// The linkedom-vs-jsdom comparison as plain text: settings, one row per page, then differences.
import { formatTable } from "../dist/cli/terminal-table.js";
import type { PageComparison, TextComparison } from "./dom-compare.ts";
import type { DomName } from "./dom-compare-dom.ts";
import type { ExtractionPath } from "./dom-compare-extract.ts";
import type { MachineInfo } from "./report.ts";
import { formatBytes } from "./table.ts";

export interface DomCompareReport {
  startedAt: string;
  machine: MachineInfo;
  /** Package name → installed version. */
  versions: Record<string, string>;
  warmup: number;
  iterations: number;
  /** Median milliseconds to import each DOM's module in a fresh Node process. */
  moduleLoadMs: Record<DomName, number> | undefined;
  comparisons: PageComparison[];
}

const HEADER = [
  "page",
  "size",
  "linkedom ms",
  "jsdom ms",
  "jsdom ÷ linkedom",
  "parse: linkedom",
  "parse: jsdom",
  "text from",
  "title",
  "text",
  "metadata",
];

/** The whole report for a terminal. */
export function formatDomCompareReport(report: DomCompareReport): string {
  const { machine, versions, moduleLoadMs } = report;
  const lines = [
    `Readability over linkedom vs jsdom, ${report.startedAt}`,
    `machine: Node ${machine.node}, ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `${formatBytes(machine.totalMemoryBytes)} RAM`,
    `versions: ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}`,
    `settings: per page ${report.warmup} warm-up + ${report.iterations} timed rounds, DOM order ` +
      "alternating each round, the event loop turning before each step; medians in ms",
    "extraction = what extractHtml does: parse, metadata, isProbablyReaderable + Readability, " +
      "block text (a second parse for the whole-page fallback); parse = parse and free only",
  ];
  if (moduleLoadMs) {
    lines.push(
      `module load in a fresh process (median of 5): linkedom ${formatMs(moduleLoadMs.linkedom)} ms, ` +
        `jsdom ${formatMs(moduleLoadMs.jsdom)} ms`,
    );
  }
  lines.push("", formatTable([HEADER, ...report.comparisons.map(row), totalRow(report)]));
  const differences = report.comparisons.flatMap(describeDifferences);
  lines.push(
    "",
    differences.length === 0
      ? "Both DOMs extracted the same title, text and metadata from every page."
      : `Differences (linkedom vs jsdom, after whitespace is made one space):\n${differences.join("\n")}`,
  );
  return lines.join("\n");
}

function row(comparison: PageComparison): string[] {
  const { linkedom, jsdom } = comparison.measurements;
  return [
    comparison.page,
    formatKb(comparison.bytes),
    formatMs(linkedom.extractMs),
    formatMs(jsdom.extractMs),
    formatFactor(comparison.jsdomToLinkedom),
    formatMs(linkedom.parseMs),
    formatMs(jsdom.parseMs),
    paths(linkedom.extraction.path, jsdom.extraction.path),
    verdict(comparison.title),
    verdict(comparison.text),
    comparison.metadataDifferences.length === 0 ? "same" : "differs",
  ];
}

/** Sums of the medians: the time to read every page once. */
function totalRow(report: DomCompareReport): string[] {
  const sum = (pick: (c: PageComparison) => number) =>
    report.comparisons.reduce((total, c) => total + pick(c), 0);
  const linkedom = sum((c) => c.measurements.linkedom.extractMs);
  const jsdom = sum((c) => c.measurements.jsdom.extractMs);
  return [
    "all pages",
    formatKb(sum((c) => c.bytes)),
    formatMs(linkedom),
    formatMs(jsdom),
    formatFactor(jsdom / linkedom),
    formatMs(sum((c) => c.measurements.linkedom.parseMs)),
    formatMs(sum((c) => c.measurements.jsdom.parseMs)),
    "",
    "",
    "",
    "",
  ];
}

function describeDifferences(comparison: PageComparison): string[] {
  const { page, measurements, title, text, metadataDifferences } = comparison;
  const out: string[] = [];
  const linkedomPath = measurements.linkedom.extraction.path;
  const jsdomPath = measurements.jsdom.extraction.path;
  if (linkedomPath !== jsdomPath) {
    out.push(`- ${page}: text from ${linkedomPath} (linkedom) vs ${jsdomPath} (jsdom)`);
  }
  if (title.verdict === "different") out.push(`- ${page} title: ${describeText(title)}`);
  if (text.verdict === "different") out.push(`- ${page} text: ${describeText(text)}`);
  const linkedomPage = measurements.linkedom.extraction.page;
  const jsdomPage = measurements.jsdom.extraction.page;
  for (const field of metadataDifferences) {
    const value = (p: typeof linkedomPage) =>
      JSON.stringify((p as Record<string, unknown> | undefined)?.[field] ?? null);
    out.push(`- ${page} ${field}: ${value(linkedomPage)} vs ${value(jsdomPage)}`);
  }
  return out;
}

function describeText(comparison: TextComparison): string {
  const { firstDifference, differingChars, excerpts } = comparison;
  if (firstDifference === undefined || !differingChars || !excerpts) return "differs";
  return (
    `from char ${firstDifference}, ${differingChars.linkedom} chars vs ${differingChars.jsdom} ` +
    `differ: ${JSON.stringify(excerpts.linkedom)}… vs ${JSON.stringify(excerpts.jsdom)}…`
  );
}

function paths(linkedom: ExtractionPath, jsdom: ExtractionPath): string {
  return linkedom === jsdom ? linkedom : `${linkedom} / ${jsdom}`;
}

function verdict(comparison: TextComparison): string {
  return { same: "same", "same-but-whitespace": "same (ws)", different: "differs" }[
    comparison.verdict
  ];
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function formatFactor(factor: number): string {
  return Number.isFinite(factor) ? `${factor.toFixed(2)}×` : "—";
}
