// Ingests files, folders and globs into the corpus: parse, give ids, store in batches.
import { readFile, stat } from "node:fs/promises";
import { FactuallyError, messageOf } from "../core/errors.js";
import type {
  CorpusStore,
  DocumentToStore,
  UpsertOutcome,
} from "../core/interfaces/corpus-store.js";
import type { DocumentInput } from "../core/schema/document.js";
import { displayPath } from "../text/display-path.js";
import { contentHash } from "../text/hash.js";
import { detectFormat } from "./detect-format.js";
import { expandPaths } from "./expand-paths.js";
import { parsers } from "./formats/index.js";
import type { IngestFormat } from "./formats/types.js";

export interface IngestOptions {
  /** `auto` detects each file's format from its name and first bytes. */
  format: IngestFormat | "auto";
  /** Documents per transaction. */
  batchSize?: number;
  cwd?: string;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
}

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  documents: number;
}

/** Something that was not ingested, and why: a whole file, or one line of it. */
export interface SkippedInput {
  file: string;
  line?: number;
  reason: string;
}

export interface IngestSummary {
  files: number;
  documents: Record<UpsertOutcome["status"], number>;
  passages: number;
  skipped: SkippedInput[];
  /** Files that could not be read or parsed at all (a subset of `skipped`). */
  failedFiles: number;
  /**
   * Files found by walking a folder or matching a glob whose format is not one we read
   * (images, licences…): left alone, not errors. A file named on its own is `skipped` instead.
   */
  ignored: string[];
  seconds: number;
}

const DEFAULT_BATCH = 500;

/** Ingests every file under `inputs`; a missing input fails before anything is written. */
export async function ingestPaths(
  corpus: CorpusStore,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { files, missing, named } = await expandPaths([...inputs], { cwd });
  if (missing.length > 0) {
    throw new FactuallyError(
      "BAD_INPUT",
      `no such file, folder or glob match: ${missing.join(", ")}; check the path (nothing was ingested)`,
      { target: missing[0] ?? "" },
    );
  }
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const summary: IngestSummary = {
    files: files.length,
    documents: { added: 0, updated: 0, unchanged: 0, duplicate: 0 },
    passages: 0,
    skipped: [],
    failedFiles: 0,
    ignored: [],
    seconds: 0,
  };
  const namedFiles = new Set(named);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let batch: DocumentToStore[] = [];
  let bytesDone = 0;
  let parsed = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await corpus.upsertDocuments(batch);
    batch = [];
    for (const outcome of outcomes) {
      summary.documents[outcome.status]++;
      summary.passages += outcome.passages;
    }
  };

  for (const [i, file] of files.entries()) {
    if (options.signal?.aborted) throw new FactuallyError("ABORTED", "ingest was cancelled");
    const shown = displayPath(file, cwd);
    // Within a file of one record per line, progress is the share of its lines read so far.
    let lines = 1;
    let recordsInFile = 0;
    const size = sizes[i] ?? 0;
    const onRead = (bytes: Uint8Array) => {
      lines = Math.max(1, countLines(bytes));
    };
    for await (const record of readRecords(file, shown, options.format, onRead)) {
      recordsInFile++;
      if (!record.ok && record.unknownFormat && !namedFiles.has(file)) {
        summary.ignored.push(shown);
        continue;
      }
      if (!record.ok) {
        summary.skipped.push(record.skipped);
        if (record.skipped.line === undefined) summary.failedFiles++;
        continue;
      }
      parsed++;
      batch.push(withId(record.document, shown, record.wholeFile));
      if (batch.length >= batchSize) {
        await flush();
        // Large files hold many batches: report within the file too.
        options.onProgress?.({
          file: shown,
          filesDone: i,
          filesTotal: files.length,
          bytesDone: bytesDone + Math.floor(size * Math.min(1, recordsInFile / lines)),
          bytesTotal,
          documents: parsed,
        });
      }
    }
    bytesDone += sizes[i] ?? 0;
    options.onProgress?.({
      file: shown,
      filesDone: i + 1,
      filesTotal: files.length,
      bytesDone,
      bytesTotal,
      documents: parsed,
    });
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

type FileRecord =
  | { ok: true; document: DocumentInput; wholeFile: boolean }
  | { ok: false; skipped: SkippedInput; unknownFormat?: true };

// Formats in which one file is one document (the others hold one document per line).
const WHOLE_FILE: ReadonlySet<IngestFormat> = new Set(["text", "markdown", "html", "pdf"]);

/** The documents of one file, or the reasons it (or a line of it) could not be used. */
async function* readRecords(
  file: string,
  shown: string,
  format: IngestFormat | "auto",
  onRead: (bytes: Uint8Array) => void,
): AsyncGenerator<FileRecord> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
    onRead(bytes);
  } catch (error) {
    yield {
      ok: false,
      skipped: { file: shown, reason: `cannot read the file (${errorCode(error)})` },
    };
    return;
  }
  const resolved = format === "auto" ? detectFormat(file, bytes.subarray(0, 4096)) : format;
  if (!resolved) {
    yield {
      ok: false,
      skipped: { file: shown, reason: "unknown format; name it with --format" },
      unknownFormat: true,
    };
    return;
  }
  for await (const record of parsers[resolved]({ path: file, bytes })) {
    if (record.ok)
      yield { ok: true, document: record.document, wholeFile: WHOLE_FILE.has(resolved) };
    else {
      const skipped: SkippedInput = { file: shown, reason: record.reason };
      if (record.line !== undefined) skipped.line = record.line;
      yield { ok: false, skipped };
    }
  }
}

/**
 * Documents keep the id their source gives them; a whole file is named by its path; a record
 * without an id is named by its content, so ingesting it again finds it instead of copying it.
 */
function withId(document: DocumentInput, shownPath: string, wholeFile: boolean): DocumentToStore {
  const metadata = { ...document.metadata, source: shownPath };
  if (document.id) return { ...document, id: document.id, metadata };
  if (wholeFile) return { ...document, id: `file:${shownPath}`, metadata };
  const id = `sha256:${contentHash(document.title ?? "", document.text).slice(0, 16)}`;
  return { ...document, id, metadata };
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) if (byte === 0x0a) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = String(error.code);
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "EISDIR") return "is a folder";
    return code;
  }
  return messageOf(error);
}
