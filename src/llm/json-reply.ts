// A model's JSON reply, parsed and checked against its schema: tolerant of a code fence or
// words around the object, strict about the shape.

import type { z } from "zod";
import { messageOf } from "../core/errors.js";

export type ParsedReply<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseModelJson<T>(text: string, schema: z.ZodType<T>): ParsedReply<T> {
  const body = jsonBody(text);
  if (body === undefined) return { ok: false, error: "the reply holds no JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const why = messageOf(error);
    return { ok: false, error: `the JSON does not parse (${why})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(top)"}: ${i.message}`)
    .join("; ");
  return { ok: false, error: issues };
}

/** The text from the first `{` to its last `}`, without a Markdown code fence. */
function jsonBody(text: string): string | undefined {
  const unfenced = text.replace(/^\s*```(?:json)?\s*/i, "").replace(/\s*```\s*$/, "");
  const start = unfenced.indexOf("{");
  const end = unfenced.lastIndexOf("}");
  if (start < 0) return undefined;
  // A truncated reply has no closing brace: hand JSON.parse the rest so it says what is wrong.
  return end > start ? unfenced.slice(start, end + 1) : unfenced.slice(start);
}
