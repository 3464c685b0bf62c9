// A check with nowhere to look: the corpus is empty and no web search is configured. Each edge
// adds its own advice (the CLI names the ingest command, the API suggests asking with web).
import { FactuallyError } from "../core/errors.js";

export class EmptyCorpusError extends FactuallyError {
  /** Where the empty corpus lives. */
  readonly location: string;

  constructor(location: string) {
    super("BAD_INPUT", `the corpus at ${location} is empty and no web search is configured`, {
      target: location,
    });
    this.location = location;
  }
}

export function isEmptyCorpusError(error: unknown): error is EmptyCorpusError {
  return error instanceof EmptyCorpusError;
}
