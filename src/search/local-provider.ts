// The default SearchProvider: the local corpus in the store, ranked by BM25.
import { FactuallyError } from "../core/errors.js";
import type { CorpusSearchResult, CorpusStore } from "../core/interfaces/corpus-store.js";
import type { SearchOptions, SearchProvider } from "../core/interfaces/search-provider.js";
import type { SearchHit } from "../core/schema/search-hit.js";

/** Searches the store's corpus; each hit carries the corpus document id for the corpus reader. */
export class LocalSearchProvider implements SearchProvider {
  readonly id = "local";
  readonly #corpus: CorpusStore;

  constructor(corpus: CorpusStore) {
    this.#corpus = corpus;
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    let results: CorpusSearchResult[];
    try {
      results = await this.#corpus.searchCorpus(query, {
        limit: options.limit,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (cause) {
      if (cause instanceof FactuallyError) throw cause;
      throw new FactuallyError("PROVIDER_FAILED", `local search failed: ${String(cause)}`, {
        cause,
      });
    }
    return results.map((result, i) => ({
      providerId: this.id,
      query,
      rank: i + 1,
      score: result.score,
      title: result.document.title,
      documentId: result.document.id,
      snippet: result.passage.text,
      ...(result.document.url ? { url: result.document.url } : {}),
      ...(result.document.publishedAt ? { publishedAt: result.document.publishedAt } : {}),
      ...(result.document.publisher ? { publisher: result.document.publisher } : {}),
    }));
  }
}
