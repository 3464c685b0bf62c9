// Prints a stored check version as text, Markdown or JSON, with its record facts (staleness,
// feedback tally, version) — shared by `check` and `show`.
import type { CheckStore } from "../core/interfaces/check-store.js";
import type { CheckVersion } from "../core/schema/check.js";
import { requireCheck } from "../records/lookup.js";
import { renderCheckMarkdown } from "../render/markdown.js";
import { renderCheckText } from "../render/text.js";
import { type CliIo, nowOf, useColour } from "./io.js";
import { recordViewOf } from "./record-view.js";

export interface PrintOptions {
  format: "text" | "json" | "markdown";
  configuredFreshnessDays: number;
  /** Add the per-stage model use table to a text report. */
  verbose?: boolean;
}

export async function printCheck(
  store: CheckStore,
  id: string,
  version: CheckVersion,
  options: PrintOptions,
  io: CliIo,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const stored = await requireCheck(store, id);
  const record = recordViewOf(stored, version, options.configuredFreshnessDays, nowOf(io));
  if (options.format === "json") {
    const json = {
      check: stored.check,
      version,
      ...extra,
      stale: record.stale,
      feedback: record.feedback,
      versions: stored.versions,
    };
    io.stdout.write(`${JSON.stringify(json)}\n`);
  } else if (options.format === "markdown") {
    io.stdout.write(renderCheckMarkdown(stored.check.input, version, { record }));
  } else {
    const bold = useColour(io, io.stdout) ? (s: string) => `\u001b[1m${s}\u001b[22m` : undefined;
    io.stdout.write(
      `${renderCheckText(stored.check.input, version, {
        record,
        verbose: options.verbose === true,
        ...(bold ? { bold } : {}),
      })}\n`,
    );
  }
}
