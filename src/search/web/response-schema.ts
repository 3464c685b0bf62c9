// Provider answers are untrusted input: checked against the documented shape before use.
import type { z } from "zod";
import { FactuallyError } from "../../core/errors.js";

/** `data` as the documented answer; a mismatch fails the search (the API may have changed). */
export function parseAnswer<T extends z.ZodType>(
  provider: string,
  schema: T,
  data: unknown,
): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new FactuallyError(
    "PROVIDER_FAILED",
    `${provider}: the answer does not have the documented shape (${where}${issue?.message ?? "invalid"}); the API may have changed — please report it`,
  );
}

/** The items of a result list that have the documented shape; a malformed one is dropped, not fatal. */
export function validItems<T extends z.ZodType>(
  schema: T,
  items: readonly unknown[] | undefined,
): Array<z.infer<T>> {
  const valid: Array<z.infer<T>> = [];
  for (const item of items ?? []) {
    const result = schema.safeParse(item);
    if (result.success) valid.push(result.data);
  }
  return valid;
}
