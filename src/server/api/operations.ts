// Every endpoint of the API in one table: the routes are registered from it and the OpenAPI
// document is generated from it, so neither can list an endpoint the other lacks.
import type { z } from "zod";
import type { Role } from "../../core/interfaces/account-store.js";
import {
  CheckIdParams,
  CreateCheckBody,
  FeedbackBody,
  HistoryQuery,
  RefreshBody,
  SearchQuery,
  VersionParams,
  VersionQuery,
} from "./request-schemas.js";
import {
  Cancelled,
  CheckView,
  ClaimReview,
  CreatedCheck,
  FeedbackCreated,
  Health,
  HistoryPage,
  NotReady,
  Ready,
  RefreshedCheck,
  RunState,
  SearchResults,
} from "./response-schemas.js";

export interface Operation {
  method: "GET" | "POST";
  /** Hono pattern below /api, e.g. `/checks/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: "checks" | "corpus" | "service";
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body; `required: false` accepts no body at all. */
  body?: { schema: z.ZodType; required: boolean };
  /** The success answer (JSON unless `contentType` says otherwise). */
  ok: {
    status: 200 | 201;
    schema?: z.ZodType;
    contentType?: string;
    description: string;
    /** Response headers worth documenting, by name: their description. */
    headers?: Record<string, string>;
  };
  /** Also answers `Accept: text/event-stream` with the job's progress (see job-stream.ts). */
  events?: boolean;
  /**
   * The least role that may call it when the deployment has accounts (see docs/accounts.md);
   * absent: anyone, signed in or not. Without accounts this is not consulted.
   */
  role?: Role;
  /** Error statuses this endpoint answers besides 401 (when a token is set) and 500. */
  errors: readonly number[];
  /** Extra answers, e.g. 503 of the readiness probe. */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
}

const body = (schema: z.ZodType, required = true) => ({ schema, required });

export const OPERATIONS = {
  createCheck: {
    method: "POST",
    role: "checker",
    path: "/checks",
    tag: "checks",
    summary: "Check a claim or answer a question",
    description:
      "Runs the check (or reuses a fresh stored version; or joins the same check already running) and answers when it is done. With `Accept: text/event-stream` the progress streams as Server-Sent Events instead.",
    body: body(CreateCheckBody),
    ok: {
      status: 201,
      schema: CreatedCheck,
      description: "The check and the version it produced or reused.",
    },
    events: true,
    errors: [400, 409, 413, 415, 429],
  },
  listChecks: {
    method: "GET",
    path: "/checks",
    tag: "checks",
    summary: "Stored checks, most recently checked first",
    query: HistoryQuery,
    ok: { status: 200, schema: HistoryPage, description: "One page of history." },
    errors: [400],
  },
  getCheck: {
    method: "GET",
    path: "/checks/:id",
    tag: "checks",
    summary: "The latest version of a check",
    params: CheckIdParams,
    ok: {
      status: 200,
      schema: CheckView,
      description: "The latest version with its record facts.",
    },
    errors: [404],
  },
  getCheckVersion: {
    method: "GET",
    path: "/checks/:id/versions/:n",
    tag: "checks",
    summary: "One version of a check",
    params: VersionParams,
    ok: { status: 200, schema: CheckView, description: "Version n with its record facts." },
    errors: [400, 404],
  },
  refreshCheck: {
    method: "POST",
    role: "checker",
    path: "/checks/:id/refresh",
    tag: "checks",
    summary: "Run a stored check again as its next version",
    description:
      "Runs the check again where its latest version looked and answers with what changed. A refresh of a check already running joins it. With `Accept: text/event-stream` the progress streams as Server-Sent Events instead.",
    params: CheckIdParams,
    body: body(RefreshBody, false),
    ok: {
      status: 201,
      schema: RefreshedCheck,
      description: "The new version and its diff from the previous one.",
    },
    events: true,
    errors: [400, 404, 409, 413, 415, 429],
  },
  getRun: {
    method: "GET",
    path: "/checks/:id/run",
    tag: "checks",
    summary: "Whether a run of the check is queued, running, or failed",
    description:
      "Also for a check never stored yet (its first run). A failed run's reason is kept a day; 404 when nothing is queued, running or recently failed.",
    params: CheckIdParams,
    ok: { status: 200, schema: RunState, description: "The run's state." },
    errors: [400, 404],
  },
  cancelRun: {
    method: "POST",
    role: "checker",
    path: "/checks/:id/cancel",
    tag: "checks",
    summary: "Cancel the queued or running run of a check",
    description:
      "The run stops at its next stage and nothing is stored; every request that joined it ends with an `ABORTED` error. 404 when nothing is queued or running.",
    params: CheckIdParams,
    body: body(RefreshBody, false),
    ok: { status: 200, schema: Cancelled, description: "The run was told to stop." },
    errors: [400, 404, 413, 415],
  },
  addFeedback: {
    method: "POST",
    role: "checker",
    path: "/checks/:id/feedback",
    tag: "checks",
    summary: "Rate a version as helpful or not",
    description:
      "One rating per client and version: a second one replaces the first. Ratings and comment bytes are limited per client (429 with Retry-After).",
    params: CheckIdParams,
    body: body(FeedbackBody),
    ok: {
      status: 201,
      schema: FeedbackCreated,
      description: "The stored rating and the version's tally.",
    },
    errors: [400, 404, 413, 415, 429],
  },
  getClaimReview: {
    method: "GET",
    path: "/checks/:id/claimreview",
    tag: "checks",
    summary: "A version as schema.org ClaimReview JSON-LD",
    description:
      "As `factually export --format claimreview`. What a publisher should know (a missing url or author, why a question has no reviewRating) is in the `X-Factually-Warning` header: a JSON array of strings, non-ASCII characters \\u-escaped.",
    params: CheckIdParams,
    query: VersionQuery,
    ok: {
      status: 200,
      schema: ClaimReview,
      contentType: "application/ld+json",
      description: "ClaimReview JSON-LD.",
      headers: {
        "X-Factually-Warning":
          "Present when there is something to fix or know: a JSON array of messages (ASCII; other characters \\u-escaped).",
      },
    },
    errors: [400, 404],
  },
  searchCorpus: {
    method: "GET",
    path: "/search",
    tag: "corpus",
    summary: "Rank corpus documents for a query",
    query: SearchQuery,
    ok: {
      status: 200,
      schema: SearchResults,
      description: "Ranked documents with their best passage.",
    },
    errors: [400],
  },
  getHealth: {
    method: "GET",
    path: "/health",
    tag: "service",
    summary: "Liveness: the process answers",
    ok: { status: 200, schema: Health, description: "The server is up." },
    errors: [],
  },
  getReady: {
    method: "GET",
    path: "/ready",
    tag: "service",
    summary: "Readiness: the store answers",
    ok: {
      status: 200,
      schema: Ready,
      description: "Ready for requests: checks running and queued, corpus size.",
    },
    errors: [],
    otherResponses: { 503: { description: "The store does not answer.", schema: NotReady } },
  },
  getOpenApi: {
    method: "GET",
    path: "/openapi.json",
    tag: "service",
    summary: "This description (OpenAPI 3.1)",
    ok: { status: 200, description: "The OpenAPI document." },
    errors: [],
  },
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;
