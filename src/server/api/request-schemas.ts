// What the API accepts: request bodies, path and query parameters. The same schemas validate
// requests and generate the OpenAPI document, so the two cannot disagree.
import { z } from "zod";
import { MAX_COMMENT_CHARS } from "../../core/schema/check.js";
import { MAX_INPUT_CHARS } from "../../text/input.js";

/** Pages of history and search results are capped so one request stays cheap. */
export const MAX_PAGE = 100;

/** A whole number from a URL (query strings and paths are text). */
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const CreateCheckBody = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(MAX_INPUT_CHARS)
    .describe("The claim or question to check, as a reader would say it."),
  fresh: z
    .boolean()
    .exactOptional()
    .describe("Run a new version even when a fresh one is stored (default false)."),
  web: z
    .boolean()
    .exactOptional()
    .describe("Search the web too: the configured providers, or Wikipedia (default false)."),
  llm: z
    .boolean()
    .exactOptional()
    .describe(
      "Use the server's language model (the default when one is configured); true on a server without one is a 400.",
    ),
});

/** A refresh takes no settings yet; an empty object (or no body) is accepted. */
export const RefreshBody = z.strictObject({});

export const FeedbackBody = z.strictObject({
  helpful: z.boolean().describe("Whether the check was helpful."),
  comment: z
    .string()
    .max(MAX_COMMENT_CHARS)
    .exactOptional()
    .describe("Plain text; control and invisible characters are removed, as the CLI does."),
  version: z
    .number()
    .int()
    .positive()
    .exactOptional()
    .describe("The version rated (default: the latest)."),
});

export const CheckIdParams = z.object({
  id: z.string().min(1).max(300).describe("The check id, e.g. `masks-reduce-covid-1a2b3c4d`."),
});

export const VersionParams = CheckIdParams.extend({
  n: whole(1, Number.MAX_SAFE_INTEGER).describe("The version number (1 is the first)."),
});

export const VersionQuery = z.object({
  version: whole(1, Number.MAX_SAFE_INTEGER)
    .exactOptional()
    .describe("The version to export (default: the latest)."),
});

export const HistoryQuery = z.object({
  limit: whole(1, MAX_PAGE).default(20).describe("Checks per page."),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .exactOptional()
    .describe("The `nextCursor` of the previous page."),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(1000).describe("Free text; any characters are safe."),
  limit: whole(1, MAX_PAGE).default(10).describe("Documents to return."),
});
