// `factually refresh <id>`: runs a stored check again as its next version and prints what
// changed; refused while the same check is already running.

import type { ModelMode } from "../../assemble/model-choice.js";
import type { Config } from "../../config/config.js";
import { renderDiffText } from "../../render/diff.js";
import { longDate, verdictWithConfidence } from "../../render/labels.js";
import { modelUseSummary, modelUseTable } from "../../render/model-use.js";
import { clean } from "../../render/text.js";
import { withCheckProgress } from "../check-run.js";
import { openCliEngine, type SourceChoice, withCliAdvice } from "../cli-engine.js";
import type { CliIo } from "../io.js";

export interface RefreshCommandOptions {
  config: Config;
  json: boolean;
  /** A new freshness window for this check (days). */
  freshnessDays?: number;
  /** Offline or model-backed stages. */
  model?: ModelMode;
  /** Where to look: the corpus by default; the configured web providers; --web, --as-of. */
  sources?: SourceChoice;
  /** Print the per-stage model use table after the diff. */
  verbose?: boolean;
}

export async function refreshCommand(
  id: string,
  options: RefreshCommandOptions,
  io: CliIo,
): Promise<number> {
  const engine = await openCliEngine(options.config, io, {
    mustExist: true,
    ...(options.model ? { model: options.model } : {}),
  });
  try {
    const result = await withCliAdvice(io, () =>
      withCheckProgress(io, "Refreshing", (controls) =>
        engine.refresh(
          {
            id: id.trim(),
            ...(options.freshnessDays ? { freshnessDays: options.freshnessDays } : {}),
          },
          {
            ...controls,
            web: options.sources?.forceWeb === true,
            ...(options.sources?.asOf ? { asOf: options.sources.asOf } : {}),
          },
        ),
      ),
    );
    const { check, version, previous, diff } = result;
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify({ check, version, previous: { n: previous.n, checkedAt: previous.checkedAt }, diff })}\n`,
      );
      return 0;
    }
    const v = version.verdict;
    io.stdout.write(
      [
        `Refreshed ${check.id}: version ${version.n}, checked on ${longDate(version.checkedAt)} (version ${previous.n} was checked on ${longDate(previous.checkedAt)}).`,
        `Verdict: ${verdictWithConfidence(v)}`,
        "",
        renderDiffText(diff),
        "",
        ...modelUseSummary(version),
        ...(options.verbose ? ["", ...modelUseTable(version)] : []),
        ...(version.notes.length > 0
          ? ["", "Notes:", ...version.notes.map((n) => `- ${clean(n)}`)]
          : []),
        "",
        `Read it: factually show ${check.id}`,
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await engine.close();
  }
}
