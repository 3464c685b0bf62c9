// `factually ingest <path…>`: files, folders and globs into the corpus, with progress and a summary.
import type { Config } from "../../config/config.js";
import type { IngestFormat } from "../../ingest/formats/types.js";
import { type IngestSummary, ingestPaths } from "../../ingest/ingest.js";
import { displayPath } from "../../text/display-path.js";
import { openCliEngine } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";

export interface IngestCommandOptions {
  config: Config;
  format: IngestFormat | "auto";
  json: boolean;
}

/** Skipped inputs listed one per line; beyond this many, only a count. */
const MAX_LISTED = 20;

/** Exit code 0 when everything was ingested, 2 when some input was skipped (the rest is stored). */
export async function ingestCommand(
  paths: string[],
  options: IngestCommandOptions,
  io: CliIo,
): Promise<number> {
  const engine = await openCliEngine(options.config, io, { mustExist: false });
  const bar = progressBar(io.stderr, "ingest");
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(engine.corpus, paths, {
      format: options.format,
      cwd: io.cwd,
      onProgress: (p) =>
        bar.update(
          p.bytesDone,
          p.bytesTotal,
          `${p.filesDone}/${p.filesTotal} files | ${p.documents.toLocaleString("en")} docs | ${p.file}`,
        ),
    });
  } finally {
    bar.stop();
    await engine.close();
  }
  const shownDb = displayPath(engine.location, io.cwd);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ db: engine.location, ...summary })}\n`);
  } else {
    for (const line of skippedLines(summary)) io.stderr.write(`${line}\n`);
    io.stdout.write(`${formatIngestSummary(summary, shownDb)}\n`);
  }
  return summary.skipped.length > 0 ? 2 : 0;
}

/** One line: what was stored, what was skipped, how long it took, and where it went. */
export function formatIngestSummary(summary: IngestSummary, db: string): string {
  const d = summary.documents;
  const total = d.added + d.updated + d.unchanged + d.duplicate;
  const n = (x: number) => x.toLocaleString("en");
  const files = `${n(summary.files)} file${summary.files === 1 ? "" : "s"}`;
  return (
    `Ingested ${n(total)} document${total === 1 ? "" : "s"} from ${files} into ${db} ` +
    `(${n(d.added)} added, ${n(d.updated)} updated, ${n(d.unchanged)} unchanged, ${n(d.duplicate)} duplicate) · ` +
    `${n(summary.passages)} passages indexed · ${n(summary.skipped.length)} skipped · ` +
    (summary.ignored.length > 0
      ? `${n(summary.ignored.length)} file${summary.ignored.length === 1 ? "" : "s"} of other formats ignored · `
      : "") +
    `${summary.seconds.toFixed(1)} s`
  );
}

/** "skipped a.jsonl:3: reason" lines, then advice on what to do about them. */
export function skippedLines(summary: IngestSummary): string[] {
  if (summary.skipped.length === 0) return [];
  const lines = summary.skipped
    .slice(0, MAX_LISTED)
    .map((s) => `skipped ${s.file}${s.line === undefined ? "" : `:${s.line}`}: ${s.reason}`);
  const more = summary.skipped.length - MAX_LISTED;
  if (more > 0) lines.push(`…and ${more.toLocaleString("en")} more skipped (use --json for all)`);
  lines.push(
    "Everything else was stored. Fix the inputs above and run the same ingest again: stored documents are not duplicated.",
  );
  return lines;
}
