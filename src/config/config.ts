// The one typed configuration: defaults, then factually.config.json, then FACTUALLY_* env vars,
// then command-line flags; validated once at start with messages that name the culprit.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { FactuallyError, messageOf } from "../core/errors.js";
import { DEFAULT_FRESHNESS_DAYS, FreshnessDays } from "../core/schema/check.js";
import { isPostgresUrl, redactDatabaseUrl } from "../text/database-url.js";
import { type AutoRefreshConfig, resolveAutoRefreshConfig } from "./auto-refresh-config.js";
import { envValue, nonEmpty } from "./env-values.js";
import { type LlmConfig, LlmConfigFile, resolveLlmConfig } from "./llm-config.js";
import { resolveServerConfig, type ServerConfig } from "./server-config.js";
import { resolveWebConfig, type WebConfig, WebConfigFile } from "./web-config.js";

export const DEFAULT_DB = "./data/factually.db";
export const CONFIG_FILE = "factually.config.json";

const HttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

const ConfigFile = z.strictObject({
  /** Path of the SQLite database, relative to the config file's folder, or a postgres:// URL. */
  db: z.string().min(1).optional(),
  /** Days a check stays fresh before `show` suggests refreshing it. */
  freshnessDays: FreshnessDays.optional(),
  /** The organisation that publishes the checks (ClaimReview `author`). */
  publisher: z
    .strictObject({ name: z.string().min(1).max(200), url: HttpUrl.optional() })
    .optional(),
  /** Where the check pages are served; a check's URL is `<baseUrl>/check/<id>`. */
  baseUrl: HttpUrl.optional(),
  /** The language model for the model-backed stages (API keys come from the environment only). */
  llm: LlmConfigFile.optional(),
  /** Search providers, the page reader and the source policy (API keys from the environment). */
  web: WebConfigFile.optional(),
});

export interface Publisher {
  name: string;
  url?: string;
}

export interface Config {
  /** Absolute path of the SQLite database, `:memory:`, or a `postgres://` URL (PostgreSQL). */
  db: string;
  /** Days a version stays fresh (a check's own window overrides it). */
  freshnessDays: number;
  /** Who publishes the checks, when configured. */
  publisher?: Publisher;
  /** Public address of the check pages, without a trailing slash, when configured. */
  baseUrl?: string;
  /** The language model, when one is configured; checks run offline without it. */
  llm?: LlmConfig;
  /** Search providers, page reading and source policy (the corpus alone by default). */
  web: WebConfig;
  /** The service (`factually serve`): queue, token, rate limit, body size, CORS. */
  server: ServerConfig;
  /** Scheduled re-checks of stale checks: on or off, a daily budget, a minimum age. */
  autoRefresh: AutoRefreshConfig;
  /** The config file that was read, if any. */
  file?: string;
}

export interface ConfigSources {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Values given on the command line, which win over everything else. */
  flags?: { db?: string | undefined };
}

/** Resolves the configuration from its sources; throws FactuallyError(BAD_CONFIG) when invalid. */
export function loadConfig({ cwd, env, flags = {} }: ConfigSources): Config {
  const explicit = nonEmpty(env.FACTUALLY_CONFIG);
  const file = resolve(cwd, explicit ?? CONFIG_FILE);
  const fromFile = existsSync(file) ? readConfigFile(file) : undefined;
  if (explicit && !fromFile) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `FACTUALLY_CONFIG points at ${file}, which does not exist; fix the path or unset it`,
      { target: file },
    );
  }
  const fileDb = fromFile?.db;
  const db =
    nonEmpty(flags.db)?.trim() ??
    databaseUrl(env) ??
    nonEmpty(env.FACTUALLY_DB) ??
    (fileDb ? (isPostgresUrl(fileDb) ? fileDb : resolve(file, "..", fileDb)) : undefined) ??
    DEFAULT_DB;
  const freshnessDays =
    envValue(env, "FACTUALLY_FRESHNESS_DAYS", FreshnessDays, Number) ??
    fromFile?.freshnessDays ??
    DEFAULT_FRESHNESS_DAYS;
  const publisherName = nonEmpty(env.FACTUALLY_PUBLISHER) ?? fromFile?.publisher?.name;
  const publisherUrl =
    envValue(env, "FACTUALLY_PUBLISHER_URL", HttpUrl, String) ?? fromFile?.publisher?.url;
  if (publisherUrl && !publisherName) {
    throw new FactuallyError(
      "BAD_CONFIG",
      "a publisher URL is set but no publisher name; set FACTUALLY_PUBLISHER (or publisher.name in the config file) too",
      { target: "FACTUALLY_PUBLISHER" },
    );
  }
  const baseUrl = envValue(env, "FACTUALLY_BASE_URL", HttpUrl, String) ?? fromFile?.baseUrl;
  const llm = resolveLlmConfig(env, fromFile?.llm, resolve(file, ".."), cwd);
  const web = resolveWebConfig(env, fromFile?.web, (path, fromConfigFile) =>
    resolve(fromConfigFile ? resolve(file, "..") : cwd, path),
  );
  return {
    db: db === ":memory:" || isPostgresUrl(db) ? db : resolve(cwd, db),
    freshnessDays,
    ...(publisherName
      ? { publisher: { name: publisherName, ...(publisherUrl ? { url: publisherUrl } : {}) } }
      : {}),
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, "") } : {}),
    ...(llm ? { llm } : {}),
    web,
    server: resolveServerConfig(env),
    autoRefresh: resolveAutoRefreshConfig(env, freshnessDays),
    ...(fromFile ? { file } : {}),
  };
}

/**
 * FACTUALLY_DATABASE_URL: a PostgreSQL server URL, which wins over FACTUALLY_DB. A wrong value
 * is reported without its password.
 */
function databaseUrl(env: Record<string, string | undefined>): string | undefined {
  const raw = nonEmpty(env.FACTUALLY_DATABASE_URL)?.trim();
  if (raw === undefined) return undefined;
  let valid = isPostgresUrl(raw);
  try {
    valid &&= new URL(raw).hostname !== "";
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `FACTUALLY_DATABASE_URL=${JSON.stringify(redactDatabaseUrl(raw))} is not a PostgreSQL URL (postgres://user:password@host:5432/database); fix or unset it`,
      { target: "FACTUALLY_DATABASE_URL" },
    );
  }
  return raw;
}

function readConfigFile(file: string): z.infer<typeof ConfigFile> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    const why = messageOf(cause);
    throw new FactuallyError("BAD_CONFIG", `${file} is not valid JSON (${why}); fix or remove it`, {
      cause,
      target: file,
    });
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new FactuallyError(
      "BAD_CONFIG",
      `${file}: ${where}: ${issue?.message ?? "invalid"}; the keys it accepts are: ${Object.keys(ConfigFile.shape).join(", ")}`,
      { target: file },
    );
  }
  return parsed.data;
}
