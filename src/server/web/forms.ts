// The pages' form posts, read and validated: a check to start, a rating to store.
import { FactuallyError } from "../../core/errors.js";
import { plainComment } from "../../records/feedback-comment.js";
import type { CheckRequest } from "../check-service.js";

export { plainComment };

/** A parsed form body (`parseBody({ all: true })`): a field may repeat or hold a file. */
export type FormBody = Record<string, unknown>;

function values(body: FormBody, name: string): string[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === "string");
}

/**
 * A checkbox sent as "1" when ticked; a hidden "0" before it says "unticked means no" (an
 * absent field leaves the server's default).
 */
function flag(body: FormBody, name: string): boolean | undefined {
  const list = values(body, name).map((x) => x.toLowerCase());
  if (list.some((x) => x === "1" || x === "on" || x === "true" || x === "yes")) return true;
  if (list.some((x) => x === "0" || x === "off" || x === "false" || x === "no")) return false;
  return undefined;
}

/** The check form: `text`, and the `web`, `llm` and `fresh` options. */
export function checkRequestOf(body: FormBody): CheckRequest {
  const text = values(body, "text")[0] ?? "";
  const request: CheckRequest = { text };
  for (const name of ["web", "llm", "fresh"] as const) {
    const on = flag(body, name);
    if (on !== undefined) request[name] = on;
  }
  return request;
}

export interface FeedbackForm {
  helpful: boolean;
  comment?: string;
  /** The version rated; the latest when absent. */
  version?: number;
}

/** The rating form: `helpful` (yes|no), an optional `comment`, the version `v`. */
export function feedbackOf(body: FormBody): FeedbackForm {
  const helpful = values(body, "helpful")[0];
  if (helpful !== "yes" && helpful !== "no") {
    throw new FactuallyError("BAD_INPUT", "choose Yes or No to rate this fact-check");
  }
  const raw = values(body, "comment")[0];
  const comment = raw === undefined ? undefined : plainComment(raw);
  const version = versionNumber(values(body, "v")[0]);
  return {
    helpful: helpful === "yes",
    ...(comment ? { comment } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

/** A version number from a query or form field; undefined when absent, BAD_INPUT when not one. */
export function versionNumber(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw)) {
    throw new FactuallyError("BAD_INPUT", `"${raw.slice(0, 20)}" is not a version number`);
  }
  return Number(raw);
}
