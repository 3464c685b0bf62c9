// Validates what a request carries — JSON body, path parameters, query string — against the
// request schemas; a failure is BAD_INPUT (400) whose message names the field in plain words.
import type { Context } from "hono";
import type { z } from "zod";
import { FactuallyError, messageOf } from "../../core/errors.js";
import { issueText } from "./issue-text.js";

/** The request's JSON body checked against `schema`; an empty body counts as `{}` when allowed. */
export async function readJsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { emptyIsObject?: boolean } = {},
): Promise<z.output<T>> {
  const text = await c.req.text();
  if (text.trim() === "" && !options.emptyIsObject) {
    throw new FactuallyError("BAD_INPUT", "body: expected a JSON object; the body is empty");
  }
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch (cause) {
      const why = messageOf(cause);
      throw new FactuallyError("BAD_INPUT", `body: not valid JSON (${why})`, { cause });
    }
  }
  return checked(schema, json, "body");
}

/** The path parameters checked against `schema`. */
export function pathParams<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return checked(schema, c.req.param(), "path");
}

/** The query string checked against `schema` (the first value of a repeated name). */
export function queryParams<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return checked(schema, c.req.query(), "query");
}

function checked<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => issueText(issue, where));
  throw new FactuallyError("BAD_INPUT", problems.join("; "));
}
