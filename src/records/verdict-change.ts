// Which checks changed verdict since someone last looked at the history: the verdict a check
// had at that moment (its latest version then) against the one it has now.
import type { CheckStore, CheckSummary, VersionSummary } from "../core/interfaces/check-store.js";
import type { VerdictLabel } from "../core/schema/verdict.js";

/** A verdict that changed since the last look: the version seen then and the latest one. */
export interface VerdictChange {
  from: { n: number; label: VerdictLabel };
  to: { n: number; label: VerdictLabel };
}

/**
 * The change between the version in force at `lookedAt` and the latest, when their labels
 * differ. A check first made after the last look has no earlier verdict, so it is new rather
 * than changed; a verdict that changed and changed back is unchanged to the reader.
 */
export function verdictChangeSince(
  versions: readonly VersionSummary[],
  lookedAt: string,
): VerdictChange | undefined {
  const looked = Date.parse(lookedAt);
  const latest = versions.at(-1);
  if (!latest || Number.isNaN(looked) || Date.parse(latest.checkedAt) <= looked) return undefined;
  const seen = versions.findLast((v) => Date.parse(v.checkedAt) <= looked);
  if (!seen || seen.verdict.label === latest.verdict.label) return undefined;
  return {
    from: { n: seen.n, label: seen.verdict.label },
    to: { n: latest.n, label: latest.verdict.label },
  };
}

/**
 * The changes among one page of history, by check id. Only checks with a version newer than
 * the last look and more than one version are read in full, so a page costs a few reads.
 */
export async function verdictChanges(
  store: CheckStore,
  lines: readonly CheckSummary[],
  lookedAt: string | undefined,
): Promise<Map<string, VerdictChange>> {
  const changes = new Map<string, VerdictChange>();
  if (lookedAt === undefined) return changes;
  const looked = Date.parse(lookedAt);
  for (const { check, latest, versionCount } of lines) {
    if (versionCount < 2 || !(Date.parse(latest.checkedAt) > looked)) continue;
    const stored = await store.getCheck(check.id);
    const change = stored && verdictChangeSince(stored.versions, lookedAt);
    if (change) changes.set(check.id, change);
  }
  return changes;
}
