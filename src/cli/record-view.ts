// The stored-check facts a page shows beside the report: staleness, feedback, version.
import type { StoredCheck } from "../core/interfaces/check-store.js";
import type { CheckVersion } from "../core/schema/check.js";
import { freshnessDaysOf, isStale } from "../records/staleness.js";
import type { RecordView } from "../render/labels.js";

export function recordViewOf(
  stored: StoredCheck,
  version: CheckVersion,
  configuredFreshnessDays: number,
  now: Date,
): RecordView {
  const summary = stored.versions.find((v) => v.n === version.n);
  return {
    id: stored.check.id,
    n: version.n,
    versionCount: stored.versions.length,
    stale: isStale(version.checkedAt, freshnessDaysOf(stored.check, configuredFreshnessDays), now),
    feedback: summary?.feedback ?? { helpful: 0, notHelpful: 0 },
  };
}
