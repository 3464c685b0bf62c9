// Where evidence is looked for: the local corpus, or a web search engine.
import type { SearchHit } from "../schema/search-hit.js";

export interface SearchOptions {
  /** How many hits at most. */
  limit: number;
  signal?: AbortSignal;
}

/** A search engine the plan's queries are sent to. */
export interface SearchProvider {
  /** Stable id recorded in every hit and in the check's settings, e.g. `local`. */
  readonly id: string;
  /** Hits for one query, best first; throws FactuallyError(PROVIDER_FAILED) on a fault. */
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
}
