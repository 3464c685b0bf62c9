// Chooses the assessor's stance thresholds and the judge's vote settings on TRAIN claims: the
// pipeline runs once per claim up to selection, then every setting is replayed over the cache
// with the real assessor and judge (stance predictions memoised).
import { createStanceAssessor, type StancePredictor } from "../assess/stance-assessor.js";
import type { Store } from "../core/interfaces/store.js";
import type { Claim } from "../core/schema/claim.js";
import type { Passage } from "../core/schema/document.js";
import type { Source } from "../core/schema/source.js";
import { type JudgeOptions, judge } from "../pipeline/judge.js";
import { planQueries } from "../pipeline/plan.js";
import { readHits } from "../pipeline/read.js";
import { searchPlan } from "../pipeline/search.js";
import { selectPassages } from "../pipeline/select.js";
import { sourceOf } from "../pipeline/sources.js";
import { understandText } from "../pipeline/understand.js";
import { CorpusReader } from "../read/corpus-reader.js";
import { LocalSearchProvider } from "../search/local-provider.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { classification, VERDICT_TO_GOLD } from "./verification.js";
import type { GoldLabel, VerificationSet } from "./verification-data.js";

export interface Setting {
  supportAt: number;
  refuteAt: number;
  judge: JudgeOptions;
}

export interface TunedSetting {
  setting: Setting;
  macroF1: number;
  accuracy: number;
}

interface CachedClaim {
  claim: Claim;
  gold: GoldLabel;
  sources: Source[];
  passages: Passage[];
}

export const GRID = {
  supportAt: [0.5, 0.6, 0.7],
  refuteAt: [0.2, 0.3, 0.4],
  relevancePower: [1, 2, 4],
  minWeight: [0.1, 0.2, 0.4],
  supportShare: [0.5, 0.6],
};

/** Every grid setting scored on `set`, best macro-F1 first. */
export async function tuneVerdict(
  set: VerificationSet,
  model: StancePredictor,
  onProgress?: (done: number, total: number) => void,
): Promise<TunedSetting[]> {
  const store = openSqliteStore(":memory:");
  let cached: CachedClaim[];
  try {
    await store.upsertDocuments(set.documents);
    cached = await cacheSelections(set, store, onProgress);
  } finally {
    await store.close();
  }
  const memo = memoize(model);
  const results: TunedSetting[] = [];
  for (const setting of settings()) {
    const assessor = createStanceAssessor(memo, {
      supportAt: setting.supportAt,
      refuteAt: setting.refuteAt,
    });
    const gold: GoldLabel[] = [];
    const predicted: GoldLabel[] = [];
    for (const c of cached) {
      const assessments = await assessor.assess(c);
      const verdict = judge(c.claim, c.sources, assessments, c.passages, setting.judge);
      gold.push(c.gold);
      predicted.push(VERDICT_TO_GOLD[verdict.label]);
    }
    const m = classification(gold, predicted);
    results.push({ setting, macroF1: m.macro_f1, accuracy: m.accuracy });
  }
  return results.sort((a, b) => b.macroF1 - a.macroF1);
}

async function cacheSelections(
  set: VerificationSet,
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<CachedClaim[]> {
  const providers = [new LocalSearchProvider(store)];
  const readers = [new CorpusReader(store)];
  const out: CachedClaim[] = [];
  for (const [i, item] of set.claims.entries()) {
    const claim = understandText(item.text);
    const searched = await searchPlan(planQueries(claim), providers, { hitsPerQuery: 20 });
    const read = await readHits(searched.hits, readers, { limit: 20 });
    const selection = selectPassages(claim, read.documents);
    const sources = selection.sources.map(sourceOf);
    out.push({ claim, gold: item.gold, sources, passages: selection.passages });
    onProgress?.(i + 1, set.claims.length);
  }
  return out;
}

function* settings(): Generator<Setting> {
  for (const supportAt of GRID.supportAt)
    for (const refuteAt of GRID.refuteAt)
      for (const relevancePower of GRID.relevancePower)
        for (const minWeight of GRID.minWeight)
          for (const supportShare of GRID.supportShare)
            yield { supportAt, refuteAt, judge: { relevancePower, minWeight, supportShare } };
}

function memoize(model: StancePredictor): StancePredictor {
  const cache = new Map<string, ReturnType<StancePredictor["predict"]>>();
  return {
    id: model.id,
    predict(claim, text) {
      const key = `${claim}\u0000${text}`;
      let p = cache.get(key);
      if (!p) {
        p = model.predict(claim, text);
        cache.set(key, p);
      }
      return p;
    },
  };
}
