// What the API answers with, as zod schemas: the handlers' bodies are typed from them and the
// OpenAPI document's components are generated from them (each registered under its name).
import { z } from "zod";
import { Check, CheckVersion, Feedback } from "../../core/schema/check.js";
import { ReportSectionName } from "../../core/schema/report.js";
import { VerdictLabel } from "../../core/schema/verdict.js";

/** Component schemas of the OpenAPI document, by name. */
export const components = z.registry<{ id: string }>();
const named = <T extends z.ZodType>(id: string, schema: T): T => {
  components.add(schema, { id });
  return schema;
};

named("Check", Check);
named("CheckVersion", CheckVersion);
named("Feedback", Feedback);

const count = () => z.number().int().nonnegative();

export const ErrorBody = named(
  "Error",
  z.object({
    error: z.object({
      code: z.string().describe("BAD_INPUT, NOT_FOUND, TOO_MANY, UNAUTHORIZED, …"),
      message: z.string().describe("What went wrong and what to do next."),
    }),
  }),
);

export const FeedbackTally = named(
  "FeedbackTally",
  z.object({ helpful: count(), notHelpful: count() }),
);

export const VersionSummary = named(
  "VersionSummary",
  z.object({
    n: z.number().int().positive(),
    checkedAt: z.string(),
    verdict: z.object({ label: VerdictLabel, confidence: z.number() }),
    sources: count(),
    feedback: FeedbackTally,
  }),
);

export const CheckView = named(
  "CheckView",
  z.object({
    check: Check,
    version: CheckVersion,
    stale: z.boolean().describe("Older than the check's freshness window: refresh it."),
    feedback: FeedbackTally.describe("Ratings of this version."),
    versions: z.array(VersionSummary).describe("Every stored version, oldest first."),
    run: z
      .object({
        state: z.enum(["queued", "running", "failed"]),
        reason: z.string().exactOptional(),
        at: z.string().exactOptional(),
      })
      .exactOptional()
      .describe(
        "A new version queued or being made now, or why the last attempt failed (kept a day).",
      ),
  }),
);

export const CheckOutcome = z
  .enum(["reused", "first", "forced", "stale", "settings-changed"])
  .describe("Why a new version was run, or `reused` when a fresh stored one was returned.");

export const CreatedCheck = named(
  "CreatedCheck",
  CheckView.extend({
    outcome: CheckOutcome,
    joined: z.boolean().describe("True when this request joined a check already running."),
  }),
);

const SourceChange = z.object({
  title: z.string(),
  key: z.string(),
  before: z.number().int().exactOptional(),
  after: z.number().int().exactOptional(),
});
const SentenceChange = z.object({ section: ReportSectionName, text: z.string() });
const Rating = z.object({ label: VerdictLabel, confidence: z.number() });

export const VersionDiff = named(
  "VersionDiff",
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    verdict: z.object({
      before: Rating,
      after: Rating,
      labelChanged: z.boolean(),
      confidenceChange: z.number(),
    }),
    sources: z.object({
      added: z.array(SourceChange),
      removed: z.array(SourceChange),
      changed: z.array(SourceChange),
      unchanged: count(),
    }),
    sentences: z.object({ added: z.array(SentenceChange), removed: z.array(SentenceChange) }),
  }),
);

export const RefreshedCheck = named(
  "RefreshedCheck",
  z.object({
    check: Check,
    version: CheckVersion,
    previous: z.object({ n: z.number().int().positive(), checkedAt: z.string() }),
    diff: VersionDiff,
    joined: z.boolean(),
  }),
);

export const FeedbackCreated = named(
  "FeedbackCreated",
  z.object({ feedback: Feedback, tally: FeedbackTally }),
);

export const HistoryPage = named(
  "HistoryPage",
  z.object({
    checks: z.array(
      z.object({ check: Check, latest: VersionSummary, versionCount: count(), stale: z.boolean() }),
    ),
    nextCursor: z.string().exactOptional().describe("Absent on the last page."),
  }),
);

export const SearchResults = named(
  "SearchResults",
  z.object({
    query: z.string(),
    results: z.array(
      z.object({
        rank: z.number().int().positive(),
        score: z.number(),
        id: z.string(),
        title: z.string(),
        url: z.string().optional(),
        publishedAt: z.string().optional(),
        publisher: z.string().optional(),
        passage: z.object({
          text: z.string(),
          start: count(),
          end: count(),
          highlights: z
            .array(z.tuple([count(), count()]))
            .describe("Character ranges of `text` that matched the query."),
        }),
      }),
    ),
  }),
);

export const ClaimReview = named(
  "ClaimReview",
  z
    .looseObject({
      "@context": z.literal("https://schema.org"),
      "@type": z.literal("ClaimReview"),
      claimReviewed: z.string(),
      datePublished: z.string(),
    })
    .describe("schema.org ClaimReview JSON-LD (a question has no reviewRating)."),
);

export const Health = named(
  "Health",
  z.object({ status: z.literal("ok"), version: z.string(), uptimeSeconds: count() }),
);

export const Ready = named(
  "Ready",
  z.object({
    ready: z.literal(true),
    checks: z.object({
      running: count().describe("Checks running now (on every worker, with a queue)."),
      queued: count().describe("Checks waiting for a worker (in the whole queue, with Redis)."),
      on: z
        .enum(["threads", "main", "queue"])
        .describe(
          "`threads`: on this server's worker threads; `main`: on its own thread; `queue`: on the Redis queue, run by `factually worker` processes.",
        ),
      workers: count().describe("Worker threads up, or worker processes connected to the queue."),
    }),
    database: z.enum(["sqlite", "postgres"]).describe("The store behind the service."),
    redis: z
      .literal("ok")
      .exactOptional()
      .describe("With the Redis queue: Redis answers (when it does not, /api/ready is 503)."),
    corpus: z.object({ documents: count(), passages: count() }),
  }),
);

export const RunState = named(
  "RunState",
  z.discriminatedUnion("state", [
    z.object({ id: z.string(), state: z.enum(["queued", "running"]) }),
    z.object({
      id: z.string(),
      state: z.literal("failed"),
      reason: z.string().describe("Why the last run failed (after its retries, if any)."),
      at: z.string().describe("When it failed (ISO 8601)."),
    }),
  ]),
);

export const Cancelled = named(
  "Cancelled",
  z.object({ id: z.string(), cancelled: z.literal(true) }),
);

export const NotReady = named("NotReady", ErrorBody.extend({ ready: z.literal(false) }));

/** The first SSE event: which check the stream follows and whether it joined a running one. */
export const JobAccepted = named(
  "JobAccepted",
  z.object({
    id: z.string(),
    kind: z.enum(["check", "refresh"]),
    joined: z.boolean(),
    state: z.enum(["queued", "running", "done", "failed"]),
  }),
);

/** The last SSE event of a stream that succeeded. */
export const JobDone = named(
  "JobDone",
  z.object({
    id: z.string(),
    n: z.number().int().positive(),
    outcome: z.union([CheckOutcome, z.literal("refreshed")]),
  }),
);
