// `factually check "<claim or question>"`: the full pipeline over the local corpus, stored as
// a versioned check; a fresh stored check made the same way is shown instead unless --fresh.
import type { ClaimOrigin } from "../../core/schema/check.js";
import { type CheckOutcome, checkOrReuse } from "../../records/stored-check.js";
import { longDate } from "../../render/labels.js";
import { type CheckSetup, prepareCheck, type SourceChoice, searchesWeb } from "../check-deps.js";
import { withCheckProgress } from "../check-run.js";
import { type CliIo, nowOf } from "../io.js";
import type { ModelChoice } from "../model-choice.js";
import { openStore } from "../open-store.js";
import { printCheck } from "../print-check.js";

export interface CheckCommandOptions {
  db: string;
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
  model?: ModelChoice;
  /** Where to look: the corpus by default; the configured web providers; --web, --as-of. */
  sources?: SourceChoice;
  /** Print the per-stage model use table. */
  verbose?: boolean;
}

export async function checkCommand(
  text: string,
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const store = openStore(options.db, io.cwd, !searchesWeb(options.sources));
  let setup: CheckSetup | undefined;
  try {
    setup = await prepareCheck(store, io, options.model ?? { mode: "auto" }, options.sources);
    const { deps } = setup;
    const result = await withCheckProgress(io, "Checking", (controls) =>
      checkOrReuse(store, deps, text, {
        ...controls,
        fresh: options.fresh,
        configuredFreshnessDays: options.configuredFreshnessDays,
        limits: { maxSources: options.limitSources },
        now: () => nowOf(io),
        ...(options.freshnessDays ? { freshnessDays: options.freshnessDays } : {}),
        ...(options.origin ? { origin: options.origin } : {}),
      }),
    );
    const note = outcomeNote(result.outcome, result.version.n, result.version.checkedAt);
    if (note) io.stderr.write(`${note}\n`);
    await printCheck(store, result.check.id, result.version, options, io, {
      outcome: result.outcome,
    });
    return 0;
  } finally {
    await setup?.close();
    await store.close();
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
