// A request's validation problem in words a client's author reads once: "text is empty", not
// zod's "text: Too small: expected string to have >=1 characters".
import type { z } from "zod";

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a JSON object",
  array: "a list",
};

const n = (x: number | bigint) => Number(x).toLocaleString("en");

/** One zod issue as a sentence fragment naming the field (`where` when the issue is the whole value). */
export function issueText(issue: z.core.$ZodIssue, where: string): string {
  const field = issue.path.length > 0 ? issue.path.join(".") : where;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? `${field} is empty`
          : `${field} is too short: at least ${n(issue.minimum)} characters`;
      }
      if (issue.origin === "array") return `${field} needs at least ${n(issue.minimum)} items`;
      return `${field} must be at least ${n(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") {
        return `${field} is too long: at most ${n(issue.maximum)} characters`;
      }
      if (issue.origin === "array") return `${field} takes at most ${n(issue.maximum)} items`;
      return `${field} must be at most ${n(issue.maximum)}`;
    case "invalid_type":
      // zod keeps the input out of issues; its message says "received undefined" for a missing one.
      if (issue.input === undefined && /received undefined/.test(issue.message)) {
        return `${field} is missing`;
      }
      return `${field} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "unrecognized_keys":
      return `${where} has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"}: ${issue.keys.join(", ")}`;
    case "invalid_value":
      return `${field} must be one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_format":
      return `${field} is not a valid ${issue.format}`;
    default:
      return `${field}: ${issue.message}`;
  }
}
