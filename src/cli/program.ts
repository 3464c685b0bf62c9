// The `factually` command line: parses arguments, runs a command, maps errors to exit codes
// (0 ok, 1 runtime failure, 2 bad input or configuration) without ever showing a stack trace.
// Each command's code is imported when it runs, so `history` does not load the NLP models.
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { modelModeOf } from "../assemble/model-choice.js";
import { loadConfig } from "../config/config.js";
import { FactuallyError, isFactuallyError, messageOf } from "../core/errors.js";
import { ROLES, type Role } from "../core/interfaces/account-store.js";
import { ClaimOrigin } from "../core/schema/check.js";
import { INGEST_FORMATS } from "../ingest/formats/types.js";
import { displayPath } from "../text/display-path.js";
import type { SourceChoice } from "./cli-engine.js";
import { cliAdvice } from "./error-advice.js";
import { registerEvalCommands } from "./eval-commands.js";
import type { CliIo } from "./io.js";
import {
  DEFAULT_MAX_SOURCES,
  EXPORT_FORMATS,
  type ExportFormat,
  MAX_CONCURRENCY,
  MAX_HISTORY,
  MAX_LIMIT,
  MAX_SOURCES,
} from "./limits.js";

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** Runs one command line (without `node` and the script) and resolves to its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = args.includes("--debug");
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  const unknown = unknownCommand(program, args);
  if (unknown !== undefined) {
    // Commander shows the top-level help and exits 0 for `nosuch --help`; a typo is a usage error.
    io.stderr.write(`factually: unknown command '${unknown}' (run factually --help for usage)\n`);
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** The command word of `args` when the program has no such command (the program's own options take no values). */
function unknownCommand(program: Command, args: readonly string[]): string | undefined {
  const word = args.find((a) => !a.startsWith("-"));
  if (word === undefined || word === "help") return undefined;
  const known = program.commands.some((c) => c.name() === word || c.aliases().includes(word));
  return known ? undefined : word;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("factually")
    .description(
      "Self-hostable fact-check engine: ingest documents, search them, check claims, measure it all.",
    )
    .version(packageVersion(), "-v, --version")
    .option("--debug", "show stack traces of internal errors")
    // Options after a command name belong to that command, so `show <id> --version 2` means
    // the check's version 2, not the program's version.
    .enablePositionalOptions()
    .showHelpAfterError("(run factually --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const dbOption = () =>
    new Option(
      "--db <file|url>",
      "SQLite database file, or a postgres:// URL (default: $FACTUALLY_DATABASE_URL, $FACTUALLY_DB, factually.config.json, ./data/factually.db)",
    );
  const settings = (db: string | undefined) =>
    loadConfig({ cwd: io.cwd, env: io.env, flags: { db } });

  program
    .command("ingest")
    .description("add files, folders (recursive) and globs to the corpus")
    .argument("<paths...>", "files, folders or globs (quote globs: 'docs/**/*.md')")
    .addOption(dbOption())
    .addOption(
      new Option("--format <format>", "input format")
        .choices(["auto", ...INGEST_FORMATS])
        .default("auto"),
    )
    .option("--json", "print the summary as one JSON line")
    .action(async (paths: string[], opts: { db?: string; format: string; json?: boolean }) => {
      setExit(
        await (await import("./commands/ingest.js")).ingestCommand(
          paths,
          {
            config: settings(opts.db),
            format: opts.format as Parameters<
              typeof import("./commands/ingest.js").ingestCommand
            >[1]["format"],
            json: opts.json === true,
          },
          io,
        ),
      );
    });

  program
    .command("search")
    .description("rank corpus documents for a query, with the best passage highlighted")
    .argument("<query>", "free text; any characters are safe")
    .addOption(dbOption())
    .option("-n, --limit <n>", `how many documents (1-${MAX_LIMIT})`, parseLimit, 10)
    .option("--json", "print the results as one JSON object")
    .action(async (query: string, opts: { db?: string; limit: number; json?: boolean }) => {
      setExit(
        await (await import("./commands/search.js")).searchCommand(
          query,
          { config: settings(opts.db), limit: opts.limit, json: opts.json === true },
          io,
        ),
      );
    });

  program
    .command("check")
    .description(
      "fact-check a claim or answer a question from the corpus: a dated, cited report, stored as a check (a fresh stored one is shown unless --fresh)",
    )
    .argument("<text>", "the claim or question (up to 2,000 characters)")
    .addOption(dbOption())
    .addOption(formatOption())
    .option("--markdown", "print the report as Markdown")
    .option(
      "--limit-sources <n>",
      `most sources to keep (1-${MAX_SOURCES})`,
      (v: string) => parseWhole(v, 1, MAX_SOURCES),
      DEFAULT_MAX_SOURCES,
    )
    .option("--fresh", "run the check again even when a fresh stored version exists")
    .addOption(freshnessOption())
    .option("--said-by <name>", "who made the claim (kept on the check; used by ClaimReview)")
    .option("--seen-at <url>", "where the claim appeared (http or https URL)")
    .option("--said-on <date>", "when the claim was made (YYYY-MM-DD)")
    .addOption(llmOption())
    .addOption(offlineOption())
    .addOption(webOption())
    .addOption(asOfOption())
    .addOption(verboseOption())
    .action(
      async (
        text: string,
        opts: {
          db?: string;
          json?: boolean;
          markdown?: boolean;
          limitSources: number;
          fresh?: boolean;
          freshnessDays?: number;
          saidBy?: string;
          seenAt?: string;
          saidOn?: string;
          llm?: boolean;
          offline?: boolean;
          web?: boolean;
          asOf?: string;
          verbose?: boolean;
        },
      ) => {
        const cfg = settings(opts.db);
        const origin = claimOrigin(opts);
        setExit(
          await (await import("./commands/check.js")).checkCommand(
            text,
            {
              config: cfg,
              format: formatOf(opts),
              limitSources: opts.limitSources,
              fresh: opts.fresh === true,
              configuredFreshnessDays: cfg.freshnessDays,
              ...(opts.freshnessDays ? { freshnessDays: opts.freshnessDays } : {}),
              ...(origin ? { origin } : {}),
              model: modelModeOf(opts),
              sources: sourceChoice(opts),
              verbose: opts.verbose === true,
            },
            io,
          ),
        );
      },
    );

  program
    .command("serve")
    .description(
      "serve the web pages and the JSON API (with live progress) in one process; Ctrl-C stops it",
    )
    .addOption(dbOption())
    .option(
      "-p, --port <n>",
      "port to listen on (0 picks a free one)",
      (v: string) => parseWhole(v, 0, 65535),
      8787,
    )
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--sample-corpus", "ingest the shipped sample corpus first when the database is empty")
    .action(async (opts: { db?: string; port: number; host: string; sampleCorpus?: boolean }) => {
      const cfg = settings(opts.db);
      setExit(
        await (await import("./commands/serve.js")).serveCommand(
          {
            config: cfg,
            port: opts.port,
            host: opts.host,
            sampleCorpus: opts.sampleCorpus === true,
            version: packageVersion(),
          },
          io,
        ),
      );
    });

  program
    .command("worker")
    .description(
      "run the checks servers put on the Redis queue (FACTUALLY_REDIS_URL) against the PostgreSQL store; start any number, on any machine",
    )
    .addOption(dbOption())
    .option(
      "-c, --concurrency <n>",
      "checks this process runs at once (checks waiting on a model or the web overlap; offline ones share one core)",
      (v: string) => parseWhole(v, 1, 64),
      2,
    )
    .action(async (opts: { db?: string; concurrency: number }) => {
      const cfg = settings(opts.db);
      setExit(
        await (await import("./commands/worker.js")).workerCommand(
          { config: cfg, concurrency: opts.concurrency },
          io,
        ),
      );
    });

  program
    .command("fetch")
    .description(
      "read one web page as a check would (guarded fetch, robots.txt, extraction) and print its text and metadata",
    )
    .argument("<url>", "an http or https address")
    .option("--json", "print the page's facts and text as one JSON object")
    .option("--no-robots", "read it even where robots.txt disallows")
    .action(async (url: string, opts: { json?: boolean; robots: boolean }) => {
      const cfg = settings(undefined);
      setExit(
        await (await import("./commands/fetch.js")).fetchCommand(
          url,
          { web: cfg.web, json: opts.json === true, robots: opts.robots && cfg.web.robots },
          io,
        ),
      );
    });

  program
    .command("show")
    .description("print a stored check: the latest version, or --version n")
    .argument("<id>", "the check id (see factually history)")
    .addOption(dbOption())
    .addOption(versionOption())
    .addOption(formatOption())
    .option("--markdown", "print the report as Markdown")
    .addOption(verboseOption())
    .action(
      async (
        id: string,
        opts: {
          db?: string;
          version?: number;
          json?: boolean;
          markdown?: boolean;
          verbose?: boolean;
        },
      ) => {
        const cfg = settings(opts.db);
        setExit(
          await (await import("./commands/show.js")).showCommand(
            id,
            {
              config: cfg,
              format: formatOf(opts),
              configuredFreshnessDays: cfg.freshnessDays,
              verbose: opts.verbose === true,
              ...(opts.version ? { version: opts.version } : {}),
            },
            io,
          ),
        );
      },
    );

  program
    .command("history")
    .description("stored checks, newest first: verdict, date, outdated flag, helpful tally")
    .addOption(dbOption())
    .option(
      "-n, --limit <n>",
      `how many checks (1-${MAX_HISTORY})`,
      (v: string) => parseWhole(v, 1, MAX_HISTORY),
      20,
    )
    .option("--cursor <cursor>", "continue after the last page (the cursor a page ends with)")
    .option("--json", "print the page as one JSON object")
    .action(async (opts: { db?: string; limit: number; cursor?: string; json?: boolean }) => {
      const cfg = settings(opts.db);
      setExit(
        await (await import("./commands/history.js")).historyCommand(
          {
            config: cfg,
            limit: opts.limit,
            json: opts.json === true,
            configuredFreshnessDays: cfg.freshnessDays,
            ...(opts.cursor ? { cursor: opts.cursor } : {}),
          },
          io,
        ),
      );
    });

  program
    .command("refresh")
    .description(
      "run a stored check again as its next version and print what changed; --stale: the most due stale checks",
    )
    .argument("[id]", "the check id (see factually history)")
    .addOption(dbOption())
    .addOption(freshnessOption())
    .option("--stale", "refresh the stale checks instead: oldest first, then most viewed")
    .option(
      "--limit <n>",
      `with --stale: how many checks at most (1-${MAX_STALE}; default FACTUALLY_AUTO_REFRESH_PER_DAY, 100)`,
      (v: string) => parseWhole(v, 1, MAX_STALE),
    )
    .option(
      "--min-age <days>",
      "with --stale: only checks older than this many days (default FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS, else the freshness window)",
      parseDays,
    )
    .option(
      "--json",
      "print the new version and the diff (with --stale: the tally) as one JSON object",
    )
    .addOption(llmOption())
    .addOption(offlineOption())
    .addOption(webOption())
    .addOption(asOfOption())
    .addOption(verboseOption())
    .action(
      async (
        id: string | undefined,
        opts: {
          db?: string;
          json?: boolean;
          freshnessDays?: number;
          stale?: boolean;
          limit?: number;
          minAge?: number;
          llm?: boolean;
          offline?: boolean;
          web?: boolean;
          asOf?: string;
          verbose?: boolean;
        },
      ) => {
        const cfg = settings(opts.db);
        if (opts.stale) {
          const stray = staleConflicts(id, opts);
          if (stray) throw new FactuallyError("BAD_INPUT", stray);
          setExit(
            await (await import("./commands/refresh-stale.js")).refreshStaleCommand(
              {
                config: cfg,
                json: opts.json === true,
                model: modelModeOf(opts),
                ...(opts.limit ? { limit: opts.limit } : {}),
                ...(opts.minAge ? { minAgeDays: opts.minAge } : {}),
              },
              io,
            ),
          );
          return;
        }
        if (id === undefined) {
          throw new FactuallyError(
            "BAD_INPUT",
            "refresh needs a check id (see factually history), or --stale to refresh the stale checks",
          );
        }
        if (opts.limit !== undefined || opts.minAge !== undefined) {
          throw new FactuallyError(
            "BAD_INPUT",
            "--limit and --min-age go with --stale; to refresh one check give only its id",
          );
        }
        setExit(
          await (await import("./commands/refresh.js")).refreshCommand(
            id,
            {
              config: cfg,
              json: opts.json === true,
              model: modelModeOf(opts),
              sources: sourceChoice(opts),
              verbose: opts.verbose === true,
              ...(opts.freshnessDays ? { freshnessDays: opts.freshnessDays } : {}),
            },
            io,
          ),
        );
      },
    );

  program
    .command("feedback")
    .description("rate a stored check as helpful or not (the latest version, or --version n)")
    .argument("<id>", "the check id (see factually history)")
    .addOption(dbOption())
    .addOption(
      new Option("--helpful <answer>", "was it helpful?")
        .choices(["yes", "no"])
        .makeOptionMandatory(),
    )
    .option("--comment <text>", "what was good or missing (plain text, up to 2,000 characters)")
    .addOption(versionOption())
    .option("--json", "print the stored rating and the tally as one JSON object")
    .action(
      async (
        id: string,
        opts: {
          db?: string;
          helpful: "yes" | "no";
          comment?: string;
          version?: number;
          json?: boolean;
        },
      ) => {
        setExit(
          await (await import("./commands/feedback.js")).feedbackCommand(
            id,
            {
              config: settings(opts.db),
              helpful: opts.helpful === "yes",
              json: opts.json === true,
              ...(opts.comment !== undefined ? { comment: opts.comment } : {}),
              ...(opts.version ? { version: opts.version } : {}),
            },
            io,
          ),
        );
      },
    );

  program
    .command("export")
    .description("write a stored check as JSON, Markdown or schema.org ClaimReview JSON-LD")
    .argument("<id>", "the check id (see factually history)")
    .addOption(dbOption())
    .addOption(
      new Option("--format <format>", "what to write")
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .addOption(versionOption())
    .action(async (id: string, opts: { db?: string; format: ExportFormat; version?: number }) => {
      const cfg = settings(opts.db);
      setExit(
        await (await import("./commands/export.js")).exportCommand(
          id,
          {
            config: cfg,
            format: opts.format,
            configuredFreshnessDays: cfg.freshnessDays,
            ...(cfg.publisher ? { publisher: cfg.publisher } : {}),
            ...(cfg.baseUrl ? { baseUrl: cfg.baseUrl } : {}),
            ...(opts.version ? { version: opts.version } : {}),
          },
          io,
        ),
      );
    });

  program
    .command("batch")
    .description(
      "check every row of a CSV or JSON Lines file (column claim or text): one JSON result line per row, in order, resumable with --out",
    )
    .argument("<file>", "a .csv with a header row, or a .jsonl/.ndjson file of objects")
    .addOption(dbOption())
    .option("-o, --out <file>", "append results here; a re-run skips the rows it already holds")
    .option(
      "-c, --concurrency <n>",
      `checks in flight at once (1-${MAX_CONCURRENCY})`,
      (v: string) => parseWhole(v, 1, MAX_CONCURRENCY),
      1,
    )
    .option("--fresh", "run every check again even when a fresh stored version exists")
    .addOption(llmOption())
    .addOption(offlineOption())
    .addOption(webOption())
    .addOption(asOfOption())
    .action(
      async (
        file: string,
        opts: {
          db?: string;
          out?: string;
          concurrency: number;
          fresh?: boolean;
          llm?: boolean;
          offline?: boolean;
          web?: boolean;
          asOf?: string;
        },
      ) => {
        const cfg = settings(opts.db);
        setExit(
          await (await import("./commands/batch.js")).batchCommand(
            file,
            {
              config: cfg,
              concurrency: opts.concurrency,
              fresh: opts.fresh === true,
              model: modelModeOf(opts),
              sources: sourceChoice(opts),
              ...(opts.out ? { out: opts.out } : {}),
            },
            io,
          ),
        );
      },
    );

  const db = program
    .command("db")
    .description("copy a database (SQLite ↔ PostgreSQL), back it up, or check its integrity");
  db.command("copy")
    .description(
      "copy corpus, checks (every version and rating) and snapshots into another database, then verify counts and hashes; run again to resume",
    )
    .argument("<from>", "SQLite file or postgres:// URL to copy from (never written)")
    .argument("<to>", "SQLite file or postgres:// URL to copy into (created when missing)")
    .option("--json", "print the summary as one JSON object")
    .action(async (from: string, to: string, opts: { json?: boolean }) => {
      const { dbCopyCommand } = await import("./commands/db.js");
      setExit(await dbCopyCommand(from, to, { json: opts.json === true }, io));
    });
  db.command("backup")
    .description(
      "write a consistent copy while the server runs: a SQLite file, or pg_dump's plain SQL for PostgreSQL",
    )
    .argument("<file>", "where to write the backup (must not exist)")
    .addOption(dbOption())
    .option("--json", "print the result as one JSON object")
    .action(async (file: string, opts: { db?: string; json?: boolean }) => {
      const { dbBackupCommand } = await import("./commands/db.js");
      setExit(
        await dbBackupCommand(file, { db: settings(opts.db).db, json: opts.json === true }, io),
      );
    });
  db.command("check")
    .description(
      "check tables, indexes and the full-text index; exit 1 with what to do when something is wrong",
    )
    .addOption(dbOption())
    .option("--json", "print the findings as one JSON object")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { dbCheckCommand } = await import("./commands/db.js");
      setExit(await dbCheckCommand({ db: settings(opts.db).db, json: opts.json === true }, io));
    });

  const users = program
    .command("users")
    .description(
      "accounts (opt-in: with no user the service is open): add, list, disable, reset, tokens",
    );
  const roleOption = () =>
    new Option("--role <role>", "viewer reads; checker runs, refreshes and rates; admin everything")
      .choices(ROLES)
      .default("viewer");
  users
    .command("add")
    .description("add a user; prints a random password once unless --password-stdin")
    .argument("<email>", "the user's email (their login)")
    .addOption(roleOption())
    .option("--password-stdin", "read the password from the first line of standard input")
    .addOption(dbOption())
    .action(async (email: string, opts: { role: Role; passwordStdin?: boolean; db?: string }) => {
      const { usersAddCommand } = await import("./commands/users.js");
      const db = settings(opts.db).db;
      setExit(
        await usersAddCommand(
          email,
          { db, role: opts.role, passwordStdin: opts.passwordStdin === true },
          io,
        ),
      );
    });
  users
    .command("list")
    .description("the users, their roles and their API tokens (never a secret)")
    .option("--json", "print them as one JSON object")
    .addOption(dbOption())
    .action(async (opts: { json?: boolean; db?: string }) => {
      const { usersListCommand } = await import("./commands/users.js");
      setExit(await usersListCommand({ db: settings(opts.db).db, json: opts.json === true }, io));
    });
  users
    .command("disable")
    .description("disable a user: their sessions end and their tokens stop working")
    .argument("<email>")
    .addOption(dbOption())
    .action(async (email: string, opts: { db?: string }) => {
      const { usersDisableCommand } = await import("./commands/users.js");
      setExit(await usersDisableCommand(email, { db: settings(opts.db).db }, io));
    });
  users
    .command("reset")
    .description(
      "set a new password (random and printed once unless --password-stdin); ends the user's sessions",
    )
    .argument("<email>")
    .option("--password-stdin", "read the password from the first line of standard input")
    .addOption(dbOption())
    .action(async (email: string, opts: { passwordStdin?: boolean; db?: string }) => {
      const { usersResetCommand } = await import("./commands/users.js");
      const db = settings(opts.db).db;
      setExit(
        await usersResetCommand(email, { db, passwordStdin: opts.passwordStdin === true }, io),
      );
    });
  users
    .command("token")
    .description("a new API token for a user (Authorization: Bearer …), printed once")
    .argument("<email>")
    .option("--label <label>", "what the token is for", "api")
    .addOption(dbOption())
    .action(async (email: string, opts: { label: string; db?: string }) => {
      const { usersTokenCommand } = await import("./commands/users.js");
      setExit(await usersTokenCommand(email, { db: settings(opts.db).db, label: opts.label }, io));
    });
  users
    .command("revoke-token")
    .description("revoke an API token by its id (see users list)")
    .argument("<id>")
    .addOption(dbOption())
    .action(async (id: string, opts: { db?: string }) => {
      const { usersRevokeTokenCommand } = await import("./commands/users.js");
      setExit(await usersRevokeTokenCommand(id, { db: settings(opts.db).db }, io));
    });

  registerEvalCommands(
    program.command("eval").description("run a public benchmark and print its figures"),
    {
      io,
      setExit,
      llm: () => settings(undefined).llm,
      whole: parseWhole,
    },
  );
  acceptDebugEverywhere(program);
  return program;
}

/** `--debug` works after any command name too (it is read from the raw arguments). */
function acceptDebugEverywhere(command: Command): void {
  for (const sub of command.commands) {
    sub.addOption(new Option("--debug", "show stack traces of internal errors").hideHelp());
    acceptDebugEverywhere(sub);
  }
}

function formatOption(): Option {
  return new Option("--json", "print the check and its version as one JSON object").conflicts(
    "markdown",
  );
}

function formatOf(opts: { json?: boolean; markdown?: boolean }): "json" | "markdown" | "text" {
  return opts.json ? "json" : opts.markdown ? "markdown" : "text";
}

function versionOption(): Option {
  return new Option(
    "--version <n>",
    "which version (1 is the first; default the latest)",
  ).argParser((v: string) => parseWhole(v, 1, 1_000_000));
}

function llmOption(): Option {
  return new Option(
    "--llm",
    "use the configured language model for understand, plan, assess, write and verify (the default when one is configured)",
  ).conflicts("offline");
}

function offlineOption(): Option {
  return new Option("--offline", "use only the offline stages, even when a model is configured");
}

function verboseOption(): Option {
  return new Option("--verbose", "add model calls, tokens, estimated cost and time per stage");
}

function webOption(): Option {
  return new Option(
    "--web",
    "search the web too: the configured providers (FACTUALLY_SEARCH), or Wikipedia when none is configured",
  );
}

function asOfOption(): Option {
  return new Option(
    "--as-of <date>",
    "judge the claim on what was published by this date (YYYY-MM-DD); later evidence is left out where its date is known",
  ).argParser(parseAsOf);
}

function parseAsOf(value: string): string {
  const date = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new InvalidArgumentError("expected a date as YYYY-MM-DD, e.g. 2024-05-01");
  }
  return date;
}

/** Where a check looks, from the configuration and the --web / --as-of flags. */
function sourceChoice(flags: { web?: boolean; asOf?: string }): SourceChoice {
  return {
    forceWeb: flags.web === true,
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
  };
}

function freshnessOption(): Option {
  return new Option(
    "--freshness-days <n>",
    "this check's own freshness window in days (default: the configured one, 30)",
  ).argParser((v: string) => parseWhole(v, 1, 3650));
}

/** The claim's origin from --said-by/--seen-at/--said-on, validated. */
function claimOrigin(opts: {
  saidBy?: string;
  seenAt?: string;
  saidOn?: string;
}): ClaimOrigin | undefined {
  const raw = {
    ...(opts.saidBy !== undefined ? { author: opts.saidBy.trim() } : {}),
    ...(opts.seenAt !== undefined ? { url: opts.seenAt.trim() } : {}),
    ...(opts.saidOn !== undefined ? { date: opts.saidOn.trim() } : {}),
  };
  if (Object.keys(raw).length === 0) return undefined;
  const parsed = ClaimOrigin.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = { author: "--said-by", url: "--seen-at", date: "--said-on" }[
      String(issue?.path[0]) as "author" | "url" | "date"
    ];
    throw new FactuallyError(
      "BAD_INPUT",
      `${flag ?? "the claim's origin"}: ${issue?.message ?? "invalid"} (--seen-at takes an http(s) URL, --said-on a date like 2025-09-28)`,
    );
  }
  return parsed.data;
}

function parseLimit(value: string): number {
  return parseWhole(value, 1, MAX_LIMIT);
}

/** Most stale checks one `refresh --stale` run takes on. */
const MAX_STALE = 10_000;

/** A number of days, fractions allowed (`--min-age 0.5` is twelve hours). */
function parseDays(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 3650) {
    throw new InvalidArgumentError("expected a number of days above 0, at most 3650");
  }
  return n;
}

/** What may not go with --stale, said so; undefined when nothing does. */
function staleConflicts(
  id: string | undefined,
  opts: { freshnessDays?: number; web?: boolean; asOf?: string },
): string | undefined {
  if (id !== undefined)
    return `--stale refreshes the stale checks; give either a check id or --stale, not both`;
  if (opts.freshnessDays !== undefined)
    return "--freshness-days sets one check's window; it does not go with --stale";
  if (opts.web || opts.asOf)
    return "--web and --as-of do not go with --stale: each check looks where its last version looked";
  return undefined;
}

function parseWhole(value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** One line on stderr and an exit code; a stack trace only for internal faults with --debug. */
function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are successful exits; commander already printed the message.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
      return EXIT_OK;
    if (error.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  if (isFactuallyError(error)) {
    const advice = cliAdvice(error, (path) => displayPath(path, io.cwd));
    io.stderr.write(`factually: ${error.message}${advice ? `; ${advice}` : ""}\n`);
    if (debug && error.cause instanceof Error) io.stderr.write(`${error.cause.stack}\n`);
    return error.isUserError ? EXIT_USAGE : EXIT_FAILURE;
  }
  const message = messageOf(error);
  io.stderr.write(
    `factually: internal error: ${message}\n` +
      (debug && error instanceof Error
        ? `${error.stack}\n`
        : "Run again with --debug for details, and please report it with the command you ran.\n"),
  );
  return EXIT_FAILURE;
}

function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  const pkg = JSON.parse(readFileSync(url, "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
