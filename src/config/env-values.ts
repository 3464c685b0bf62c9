// Reading one environment variable: blank means unset; a value that does not validate is a
// BAD_CONFIG error naming the variable and saying what it should be.
import type { z } from "zod";
import { FactuallyError } from "../core/errors.js";

export type Env = Record<string, string | undefined>;

/** The value, or undefined when the variable is unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** A BAD_CONFIG error about `target` (the variable, file or key to fix). */
export function badConfig(target: string, message: string): FactuallyError {
  return new FactuallyError("BAD_CONFIG", message, { target });
}

/** The variable converted (trimmed) and validated by `schema`. */
export function envValue<T>(
  env: Env,
  name: string,
  schema: z.ZodType<T>,
  convert: (raw: string) => unknown,
): T | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(convert(raw.trim()));
  if (!parsed.success) {
    throw badConfig(
      name,
      `${name}=${JSON.stringify(raw)} is not valid: ${parsed.error.issues[0]?.message ?? "invalid"}; fix or unset it`,
    );
  }
  return parsed.data;
}

/** A number, validated by `schema`. */
export function envNumber<T extends number>(
  env: Env,
  name: string,
  schema: z.ZodType<T>,
): T | undefined {
  return envValue(env, name, schema, Number);
}

/** true/false (also 1/0, yes/no, on/off). */
export function envBoolean(env: Env, name: string): boolean | undefined {
  const raw = nonEmpty(env[name])?.trim().toLowerCase();
  if (raw === undefined) return undefined;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw badConfig(name, `${name}=${JSON.stringify(raw)} is not valid: use true or false`);
}
