// The default Reader: a hit from the local corpus is read from the store, never from the network.
import { FactuallyError } from "../core/errors.js";
import type { CorpusStore } from "../core/interfaces/corpus-store.js";
import type { Reader, ReadResult } from "../core/interfaces/reader.js";
import type { SearchHit } from "../core/schema/search-hit.js";

export class CorpusReader implements Reader {
  readonly id = "corpus";
  readonly #corpus: CorpusStore;

  constructor(corpus: CorpusStore) {
    this.#corpus = corpus;
  }

  canRead(hit: SearchHit): boolean {
    return hit.documentId !== undefined;
  }

  async read(hit: SearchHit): Promise<ReadResult> {
    if (hit.documentId === undefined) {
      throw new FactuallyError("BAD_INPUT", `the hit "${hit.title}" has no corpus document id`);
    }
    const document = await this.#corpus.getDocument(hit.documentId);
    if (!document) {
      throw new FactuallyError(
        "NOT_FOUND",
        `document ${hit.documentId} is no longer in the corpus; re-run the search`,
        { target: hit.documentId },
      );
    }
    return { document };
  }
}
