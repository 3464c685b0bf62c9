// `factually refresh <id>`: runs a stored check again as its next version and prints what
// changed; refused while the same check is already running.
import { offlineCheckDependencies } from "../../assemble/offline-check.js";
import { refreshCheck } from "../../records/stored-check.js";
import { renderDiffText } from "../../render/diff.js";
import { longDate, VERDICT_TEXT } from "../../render/labels.js";
import { requireCorpus, withCheckProgress } from "../check-run.js";
import { type CliIo, nowOf } from "../io.js";
import { openStore } from "../open-store.js";

export interface RefreshCommandOptions {
  db: string;
  json: boolean;
  /** A new freshness window for this check (days). */
  freshnessDays?: number;
}

export async function refreshCommand(
  id: string,
  options: RefreshCommandOptions,
  io: CliIo,
): Promise<number> {
  const store = openStore(options.db, io.cwd, true);
  try {
    await requireCorpus(store, io);
    const result = await withCheckProgress(io, "Refreshing", (controls) =>
      refreshCheck(store, offlineCheckDependencies(store), id.trim(), {
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
        `Verdict: ${VERDICT_TEXT[v.label]} (confidence ${Math.round(v.confidence * 100)}%)`,
        "",
        renderDiffText(diff),
        "",
        `Read it: factually show ${check.id}`,
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await store.close();
  }
}
