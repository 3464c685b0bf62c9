// The engine as the command line opens it: a missing database is the user's mistake when the
// command needs one, warnings go to stderr, and engine errors get the command that fixes them.
import { existsSync } from "node:fs";
import { isEmptyCorpusError } from "../assemble/empty-corpus-error.js";
import { type Engine, openEngine } from "../assemble/engine.js";
import type { ModelMode } from "../assemble/model-choice.js";
import type { Config } from "../config/config.js";
import { FactuallyError } from "../core/errors.js";
import type { PacerFactory } from "../core/interfaces/request-pacer.js";
import type { StoreAccess } from "../core/interfaces/stores.js";
import { isPostgresUrl } from "../text/database-url.js";
import { displayPath } from "../text/display-path.js";
import { type CliIo, nowOf } from "./io.js";

/** Where a check looks beyond the configuration: the --web and --as-of flags. */
export interface SourceChoice {
  /** --web: search the web even when only the corpus is configured. */
  forceWeb: boolean;
  /** --as-of YYYY-MM-DD: evidence published after it is not used. */
  asOf?: string;
}

/** Whether a check may search the web (then a new, empty database is fine). */
export function searchesWeb(config: Config, sources: SourceChoice | undefined): boolean {
  return sources?.forceWeb === true || config.web.search.some((n) => n !== "local");
}

export interface CliEngineOptions {
  /** A missing database file is an error (a command that only reads, or checks the corpus). */
  mustExist: boolean;
  model?: ModelMode;
  /** Commands that only read pass `read-only`, so a database on read-only media still opens. */
  access?: StoreAccess;
  /** Paces model and search requests (a worker shares them with every process through Redis). */
  pacers?: PacerFactory;
}

/** Opens the engine of `config` for one command. */
export async function openCliEngine(
  config: Config,
  io: CliIo,
  options: CliEngineOptions,
): Promise<Engine> {
  const db = config.db;
  // A server database (postgres://…) is not a file; opening it says whether it is reachable.
  if (options.mustExist && db !== ":memory:" && !isPostgresUrl(db) && !existsSync(db)) {
    const shown = displayPath(db, io.cwd);
    throw new FactuallyError(
      "BAD_INPUT",
      `no database at ${shown}; ingest documents first (factually ingest <path> --db ${shown}) or pass the right --db`,
      { target: db },
    );
  }
  return openEngine(config, {
    model: options.model ?? "auto",
    ...(options.access ? { access: options.access } : {}),
    ...(options.pacers ? { pacers: options.pacers } : {}),
    warn: (message) => io.stderr.write(`${message}\n`),
    now: () => nowOf(io),
  });
}

/** Runs `work`; an empty corpus is reported with the command that fills it. */
export async function withCliAdvice<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isEmptyCorpusError(error)) throw error;
    const shown = displayPath(error.location, io.cwd);
    throw new FactuallyError(
      "BAD_INPUT",
      `the corpus at ${shown} is empty, so there is nothing to check against; add documents with: factually ingest <path> --db ${shown}`,
      { cause: error, target: error.location },
    );
  }
}
