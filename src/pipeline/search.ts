// Stage 3: every planned query on every search provider, fused into one ranking of documents.
import { FactuallyError, isFactuallyError } from "../core/errors.js";
import type { SearchProvider } from "../core/interfaces/search-provider.js";
import type { QueryPlan } from "../core/schema/query-plan.js";
import type { SearchHit } from "../core/schema/search-hit.js";
import { canonicalUrl } from "../text/canonical-url.js";
import { reciprocalRankFusion } from "../text/score-fusion.js";
import { mapLimited } from "./map-limited.js";

// The neutral query ranks; the supporting and critical ones add candidates. Chosen on train
// claims (SciFact, Check-COVID): equal weights put the right document first less often.
export const NEUTRAL_WEIGHT = 3;

/** Searches in flight at once, over all queries and providers. */
export const SEARCH_CONCURRENCY = 4;

export interface FusedHit {
  /** The corpus id or URL that identifies the document across queries and providers. */
  key: string;
  /** The hit with the best rank among those for this document. */
  hit: SearchHit;
  score: number;
  /** The texts of the queries that found it. */
  queries: string[];
}

export interface SearchStageOptions {
  hitsPerQuery: number;
  /** RRF weight of the neutral queries' lists (the steered ones weigh 1). */
  neutralWeight?: number;
  signal?: AbortSignal;
  onHit?: (hit: SearchHit) => void;
}

export interface SearchStageResult {
  hits: FusedHit[];
  /** Providers that failed, one line each; the others' hits are still used. */
  notes: string[];
  /** Providers that failed on every query, with the first failure's reason. */
  unsearched: Array<{ provider: string; reason: string }>;
}

/** Runs the plan; fails only when every provider failed on every query. */
export async function searchPlan(
  plan: QueryPlan,
  providers: readonly SearchProvider[],
  options: SearchStageOptions,
): Promise<SearchStageResult> {
  const lists: string[][] = [];
  const weights: number[] = [];
  const byKey = new Map<string, { hit: SearchHit; queries: Set<string> }>();
  const notes: string[] = [];
  let answered = 0;
  // Every (query, provider) pair at once, a few at a time: web providers wait on the network
  // (each paces itself); the lists are then taken in plan order, so fusion is deterministic.
  const pairs = plan.queries.flatMap((query) => providers.map((provider) => ({ query, provider })));
  const answers = await mapLimited(
    pairs,
    SEARCH_CONCURRENCY,
    async ({ query, provider }): Promise<SearchHit[] | Error> => {
      options.signal?.throwIfAborted();
      try {
        return await provider.search(query.text, {
          limit: options.hitsPerQuery,
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        // A damaged, full or locked database is not one provider's failure: the run stops.
        if (isFactuallyError(error) && (error.code === "ABORTED" || error.isStoreFault))
          throw error;
        options.signal?.throwIfAborted();
        return error instanceof Error ? error : new Error(String(error));
      }
    },
  );
  pairs.forEach(({ query, provider }, i) => {
    const answer = answers[i];
    if (answer === undefined) return;
    if (answer instanceof Error) {
      notes.push(`search provider ${provider.id} failed on "${query.text}": ${answer.message}`);
      return;
    }
    answered++;
    const list: string[] = [];
    for (const hit of answer) {
      const key = hitKey(hit);
      list.push(key);
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { hit, queries: new Set([query.text]) });
      else {
        seen.queries.add(query.text);
        if (hit.rank < seen.hit.rank) seen.hit = hit;
      }
      options.onHit?.(hit);
    }
    lists.push(list);
    weights.push(query.intent === "neutral" ? (options.neutralWeight ?? NEUTRAL_WEIGHT) : 1);
  });
  if (answered === 0 && providers.length > 0) {
    throw new FactuallyError(
      "PROVIDER_FAILED",
      `every search failed (${notes[0] ?? "no provider"}); check the search configuration`,
    );
  }
  const hits = reciprocalRankFusion(lists, undefined, weights).map(({ key, score }) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`fused key ${key} has no hit`);
    return { key, hit: found.hit, score, queries: [...found.queries] };
  });
  const unsearched = providers.flatMap((provider) => {
    const own = pairs.flatMap((pair, i) => (pair.provider === provider ? [answers[i]] : []));
    const first = own[0];
    const allFailed = own.length > 0 && own.every((a) => a instanceof Error);
    return allFailed && first instanceof Error
      ? [{ provider: provider.id, reason: first.message }]
      : [];
  });
  return { hits, notes, unsearched };
}

/** The same document found by two queries or two providers has one key. */
export function hitKey(hit: SearchHit): string {
  if (hit.documentId !== undefined) return `doc:${hit.documentId}`;
  if (hit.url !== undefined) return `url:${canonicalUrl(hit.url)}`;
  return `title:${hit.title.toLowerCase()}`;
}
