// The one typed configuration: defaults, then factually.config.json, then FACTUALLY_* env vars,
// then command-line flags; validated once at start with messages that name the culprit.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { FactuallyError } from "../core/errors.js";

export const DEFAULT_DB = "./data/factually.db";
export const CONFIG_FILE = "factually.config.json";

const ConfigFile = z.strictObject({
  /** Path of the SQLite database, relative to the config file's folder. */
  db: z.string().min(1).optional(),
});

export interface Config {
  /** Absolute path of the SQLite database. */
  db: string;
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
  const db =
    nonEmpty(flags.db) ??
    nonEmpty(env.FACTUALLY_DB) ??
    (fromFile?.db ? resolve(file, "..", fromFile.db) : undefined) ??
    DEFAULT_DB;
  return { db: db === ":memory:" ? db : resolve(cwd, db), ...(fromFile ? { file } : {}) };
}

function readConfigFile(file: string): z.infer<typeof ConfigFile> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
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

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
