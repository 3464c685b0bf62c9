// `factually check "<claim or question>"`: the full pipeline over the local corpus, stored as
// a versioned check; a fresh stored check made the same way is shown instead unless --fresh.
import type { ModelMode } from "../../assemble/model-choice.js";
import type { CheckOutcome } from "../../assemble/stored-check.js";
import type { Config } from "../../config/config.js";
import type { ClaimOrigin } from "../../core/schema/check.js";
import { longDate } from "../../render/labels.js";
import { withCheckProgress } from "../check-run.js";
import { openCliEngine, type SourceChoice, searchesWeb, withCliAdvice } from "../cli-engine.js";
import type { CliIo } from "../io.js";
import { printCheck } from "../print-check.js";

export interface CheckCommandOptions {
  config: Config;
  format: "text" | "json" | "markdown";
  limitSources: number;
  /** Run a new version even when a fresh one is stored. */
  fresh: boolean;
  /** The configured freshness window (days). */
  configuredFreshnessDays: number;
  /** This check's own freshness window (days), kept on the check. */
  freshnessDays?: number;
  origin?: ClaimOrigin;
  /** Offline or model-backed stages. */
  model?: ModelMode;
  /** Where to look beyond the configuration: --web, --as-of. */
  sources?: SourceChoice;
  /** Print the per-stage model use table. */
  verbose?: boolean;
}

export async function checkCommand(
  text: string,
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const engine = await openCliEngine(options.config, io, {
    mustExist: !searchesWeb(options.config, options.sources),
    ...(options.model ? { model: options.model } : {}),
  });
  try {
    const result = await withCliAdvice(io, () =>
      withCheckProgress(io, "Checking", (controls) =>
        engine.check(
          {
            text,
            limits: { maxSources: options.limitSources },
            ...(options.freshnessDays ? { freshnessDays: options.freshnessDays } : {}),
            ...(options.origin ? { origin: options.origin } : {}),
          },
          {
            ...controls,
            fresh: options.fresh,
            web: options.sources?.forceWeb === true,
            ...(options.sources?.asOf ? { asOf: options.sources.asOf } : {}),
          },
        ),
      ),
    );
    const note = outcomeNote(result.outcome, result.version.n, result.version.checkedAt);
    if (note) io.stderr.write(`${note}\n`);
    await printCheck(engine.checks, result.check.id, result.version, options, io, {
      outcome: result.outcome,
    });
    return 0;
  } finally {
    await engine.close();
  }
}

/** One line on stderr saying whether the check was run now or taken from the store, and why. */
function outcomeNote(outcome: CheckOutcome, n: number, checkedAt: string): string | undefined {
  switch (outcome) {
    case "reused":
      return `Showing the stored check from ${longDate(checkedAt)} (version ${n}); it is still fresh. Run with --fresh to check again.`;
    case "stale":
      return `The stored check was outdated, so it was checked again as version ${n}.`;
    case "settings-changed":
      return `The stored check was made with other settings, so it was checked again as version ${n}.`;
    case "forced":
      return `Checked again as version ${n} (--fresh).`;
    case "first":
      return undefined;
  }
}
