// Times Readability extraction of one page over linkedom and over jsdom, and compares what each
// extracted: the numbers behind the choice of DOM in src/read/html-dom.ts.

import { DOM_NAMES, type DomName, PARSERS } from "./dom-compare-dom.ts";
import { type DomExtraction, extractWith } from "./dom-compare-extract.ts";
import { percentile } from "./stats.ts";

export interface BenchPage {
  /** File name, for the report. */
  name: string;
  html: string;
}

export interface CompareOptions {
  /** Rounds run first and not timed, to let the JIT settle. */
  warmup: number;
  /** Timed rounds; each times parsing alone and the whole extraction, for both DOMs. */
  iterations: number;
}

export interface DomMeasurement {
  /** Median milliseconds to parse the page (and free it). */
  parseMs: number;
  /** Median milliseconds for the whole extraction: parse, metadata, Readability, block text. */
  extractMs: number;
  extraction: DomExtraction;
}

/** How two extracted strings compare once runs of whitespace are made one space. */
export interface TextComparison {
  verdict: "same" | "same-but-whitespace" | "different";
  /** The rest is given for "different" only: the first differing character, from 0. */
  firstDifference?: number;
  /** Characters between the common start and the common end, in each text. */
  differingChars?: Record<DomName, number>;
  /** A few characters of each text from the first difference on. */
  excerpts?: Record<DomName, string>;
}

export interface PageComparison {
  page: string;
  bytes: number;
  measurements: Record<DomName, DomMeasurement>;
  /** jsdom's median extraction time ÷ linkedom's: above 1, linkedom is faster. */
  jsdomToLinkedom: number;
  title: TextComparison;
  text: TextComparison;
  /** Metadata fields (dates, byline, site, language, canonical URL) whose values differ. */
  metadataDifferences: string[];
}

/** Times and compares the two DOMs on `page`; the order alternates each round so drift is shared. */
export async function compareDoms(
  page: BenchPage,
  options: CompareOptions,
): Promise<PageComparison> {
  const parseTimes: Record<DomName, number[]> = { linkedom: [], jsdom: [] };
  const extractTimes: Record<DomName, number[]> = { linkedom: [], jsdom: [] };
  const last: Partial<Record<DomName, DomExtraction>> = {};
  const rounds = options.warmup + options.iterations;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? DOM_NAMES : [...DOM_NAMES].reverse();
    for (const dom of order) {
      const parse = PARSERS[dom];
      await settle();
      let started = performance.now();
      parse(page.html).dispose();
      const parseMs = performance.now() - started;
      await settle();
      started = performance.now();
      last[dom] = extractWith(parse, page.html);
      const extractMs = performance.now() - started;
      if (round >= options.warmup) {
        parseTimes[dom].push(parseMs);
        extractTimes[dom].push(extractMs);
      }
    }
  }
  const measure = (dom: DomName): DomMeasurement => {
    const extraction = last[dom];
    if (!extraction || extractTimes[dom].length === 0) {
      throw new RangeError("compareDoms needs at least one timed iteration");
    }
    const median = (times: number[]) => percentile(times, 50);
    return { parseMs: median(parseTimes[dom]), extractMs: median(extractTimes[dom]), extraction };
  };
  const measurements = { linkedom: measure("linkedom"), jsdom: measure("jsdom") };
  const linkedomPage = measurements.linkedom.extraction.page;
  const jsdomPage = measurements.jsdom.extraction.page;
  const { title: _lt, text: _lx, ...linkedomMetadata } = linkedomPage ?? { title: "", text: "" };
  const { title: _jt, text: _jx, ...jsdomMetadata } = jsdomPage ?? { title: "", text: "" };
  return {
    page: page.name,
    bytes: Buffer.byteLength(page.html),
    measurements,
    jsdomToLinkedom: measurements.jsdom.extractMs / measurements.linkedom.extractMs,
    title: compareTexts(linkedomPage?.title ?? "", jsdomPage?.title ?? ""),
    text: compareTexts(linkedomPage?.text ?? "", jsdomPage?.text ?? ""),
    metadataDifferences: differingFields(linkedomMetadata, jsdomMetadata),
  };
}

/**
 * Lets the event loop turn before each timed step. jsdom reaches its nodes through WeakRefs, and
 * V8 keeps every WeakRef target read during a task alive until the task ends (ECMA-262
 * ClearKeptObjects): in one synchronous loop each closed jsdom window stayed in the heap (about
 * 1.4 MB for a 15 KB page), the heap grew without bound and every GC, for either DOM, got slower.
 * A server that awaits between pages frees them; so does this. No GC is forced: a full GC before
 * each step made the next one about twice as slow for both DOMs, which measures V8, not the DOM.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const EXCERPT_CHARS = 40;

/** Compares linkedom's and jsdom's strings with whitespace runs made one space. */
export function compareTexts(linkedom: string, jsdom: string): TextComparison {
  if (linkedom === jsdom) return { verdict: "same" };
  const a = normalizeWhitespace(linkedom);
  const b = normalizeWhitespace(jsdom);
  if (a === b) return { verdict: "same-but-whitespace" };
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  // The common end may not reach back into the common start.
  let end = 0;
  const room = Math.min(a.length, b.length) - start;
  while (end < room && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    verdict: "different",
    firstDifference: start,
    differingChars: { linkedom: a.length - start - end, jsdom: b.length - start - end },
    excerpts: {
      linkedom: a.slice(start, start + EXCERPT_CHARS),
      jsdom: b.slice(start, start + EXCERPT_CHARS),
    },
  };
}

function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Fields whose values differ; values may be arrays (jsonLdType), so they are compared as JSON. */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}
