// Which sources a check may use: domains allowed or denied, and an "as of" date after which
// evidence is not admitted (so a historical claim is judged on what was knowable then).
import type { Document } from "../schema/document.js";
import type { PriorFactCheck, SearchHit } from "../schema/search-hit.js";

export interface SourcePolicy {
  /** Recorded in the settings fingerprint, e.g. `deny:example.com;as-of:2024-05-01`. */
  readonly description: string;
  /** Whether a search hit may be read at all (its domain; a fact-check's review date). */
  admitsHit(hit: SearchHit): boolean;
  /**
   * Whether a read document may be used, and why not (e.g. published after the as-of date); an
   * earlier fact-check is also judged by its review date.
   */
  admitsDocument(
    document: Document,
    priorFactCheck?: PriorFactCheck,
  ): { ok: true; note?: string } | { ok: false; reason: string };
}
