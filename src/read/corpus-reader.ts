// The default Reader: a hit from the local corpus is read from the store, never from the network.
import { FactuallyError } from "../core/errors.js";
import type { Reader } from "../core/interfaces/reader.js";
import type { Store } from "../core/interfaces/store.js";
import type { Document } from "../core/schema/document.js";
import type { SearchHit } from "../core/schema/search-hit.js";

export class CorpusReader implements Reader {
  readonly id = "corpus";
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  canRead(hit: SearchHit): boolean {
    return hit.documentId !== undefined;
  }

  async read(hit: SearchHit): Promise<Document> {
    if (hit.documentId === undefined) {
      throw new FactuallyError("BAD_INPUT", `the hit "${hit.title}" has no corpus document id`);
    }
    const document = await this.#store.getDocument(hit.documentId);
    if (!document) {
      throw new FactuallyError(
        "NOT_FOUND",
        `document ${hit.documentId} is no longer in the corpus at ${this.#store.location}; re-run the search`,
        { target: hit.documentId },
      );
    }
    return document;
  }
}
