// `factually refresh <id>`: runs a stored check again as its next version and prints what
// changed; refused while the same check is already running.

import type { Store } from "../../core/interfaces/store.js";
import { latestSearchedTheWeb, refreshCheck } from "../../records/stored-check.js";
import { renderDiffText } from "../../render/diff.js";
import { longDate, verdictWithConfidence } from "../../render/labels.js";
import { modelUseSummary, modelUseTable } from "../../render/model-use.js";
import { clean } from "../../render/text.js";
import { type CheckSetup, prepareCheck, type SourceChoice } from "../check-deps.js";
import { withCheckProgress } from "../check-run.js";
import { type CliIo, nowOf } from "../io.js";
import type { ModelChoice } from "../model-choice.js";
import { openStore } from "../open-store.js";

export interface RefreshCommandOptions {
  db: string;
  json: boolean;
  /** A new freshness window for this check (days). */
  freshnessDays?: number;
  /** Offline or model-backed stages. */
  model?: ModelChoice;
  /** Where to look: the corpus by default; the configured web providers; --web, --as-of. */
  sources?: SourceChoice;
  /** Print the per-stage model use table after the diff. */
  verbose?: boolean;
}

/**
 * A refresh looks where the version it refreshes looked: a check that searched the web searches
 * it again even without --web (otherwise every web source would show up as "removed").
 */
async function sourcesLikeBefore(
  store: Store,
  id: string,
  sources: SourceChoice | undefined,
): Promise<SourceChoice | undefined> {
  if (!sources || sources.forceWeb) return sources;
  return (await latestSearchedTheWeb(store, id)) ? { ...sources, forceWeb: true } : sources;
}

export async function refreshCommand(
  id: string,
  options: RefreshCommandOptions,
  io: CliIo,
): Promise<number> {
  const store = openStore(options.db, io.cwd, true);
  let setup: CheckSetup | undefined;
  try {
    setup = await prepareCheck(
      store,
      io,
      options.model ?? { mode: "auto" },
      await sourcesLikeBefore(store, id.trim(), options.sources),
    );
    const { deps } = setup;
    const result = await withCheckProgress(io, "Refreshing", (controls) =>
      refreshCheck(store, deps, id.trim(), {
        ...controls,
        now: () => nowOf(io),
        ...(options.freshnessDays ? { freshnessDays: options.freshnessDays } : {}),
      }),
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
    await setup?.close();
    await store.close();
  }
}
