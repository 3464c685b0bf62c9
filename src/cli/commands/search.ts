// `factually search "<query>"`: ranked documents with the best passage highlighted.
import type { Config } from "../../config/config.js";
import { FactuallyError } from "../../core/errors.js";
import { displayPath } from "../../text/display-path.js";
import { words } from "../../text/query-terms.js";
import { openCliEngine } from "../cli-engine.js";
import {
  ANSI_HIGHLIGHT,
  formatSearchResults,
  PLAIN_HIGHLIGHT,
  searchResultsJson,
} from "../format-search.js";
import { type CliIo, useColour } from "../io.js";

export interface SearchCommandOptions {
  config: Config;
  limit: number;
  json: boolean;
}

export async function searchCommand(
  query: string,
  options: SearchCommandOptions,
  io: CliIo,
): Promise<number> {
  if (query.trim() === "") {
    throw new FactuallyError(
      "BAD_INPUT",
      'the query is empty; give some words to search for, e.g. factually search "face masks"',
    );
  }
  if (words(query).length === 0) {
    throw new FactuallyError(
      "BAD_INPUT",
      `the query "${query}" has no words (only punctuation or symbols); search for words or numbers`,
    );
  }
  const engine = await openCliEngine(options.config, io, { mustExist: true, access: "read-only" });
  try {
    const results = await engine.corpus.searchCorpus(query, { limit: options.limit });
    if (options.json) {
      io.stdout.write(`${JSON.stringify(searchResultsJson(query, engine.location, results))}\n`);
      return 0;
    }
    const stats = await engine.corpus.corpusStats();
    if (stats.documents === 0) {
      const shown = displayPath(engine.location, io.cwd);
      io.stderr.write(
        `The corpus at ${shown} is empty; add documents with: factually ingest <path> --db ${shown}\n`,
      );
    }
    const mark = useColour(io, io.stdout) ? ANSI_HIGHLIGHT : PLAIN_HIGHLIGHT;
    // A terminal that reports no width (0 columns in some PTYs) gets a sensible one.
    const width = Math.min(io.stdout.columns || 100, 120);
    io.stdout.write(`${formatSearchResults(query, results, { mark, width })}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
