// The OpenAPI 3.1 document of the API, generated from the operation table and the zod schemas
// that validate requests (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations.js";
import { components, ErrorBody } from "./response-schemas.js";

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  /** The server's version (info.version). */
  version: string;
  /** Public address of the server, when configured. */
  baseUrl?: string;
  /** Whether requests that change something need a bearer token. */
  bearer: boolean;
}

const REF = (id: string) => `#/components/schemas/${id}`;

const ERROR_TEXT: Record<number, string> = {
  400: "The request is invalid; the message names the field.",
  401: "The bearer token is missing or wrong (with accounts: no valid user token or session).",
  403: "A page on another site sent this request from a browser (cross-site request forgery); see the service documentation's Cross-site requests. With accounts, also: the user's role is too low (see x-factually-role), or a session's write lacks its CSRF token.",
  404: "No such check or version.",
  409: "The check is being written by another process; try again when it is done.",
  413: "The request body is larger than the server accepts.",
  415: "The request body is not JSON.",
  429: "Too many: one of this client's limits (checks, refreshes, ratings, comment bytes), or the server's queue is full. See Retry-After.",
  500: "Something went wrong on the server.",
};

const EVENTS_TEXT = [
  "Server-Sent Events. First `job-accepted` (JobAccepted: the check id, whether this request joined a running job).",
  "Then every pipeline event under its own type — `stage-started`, `stage-done`, `query-planned`, `hit-found`, `source-read`, `section-written`, `check-failed`, `check-done` — with the event object as JSON data.",
  "Last `done` (JobDone: id, version n, outcome) or `error` (Error). Lines starting with `:` keep the connection alive.",
  "Errors found before the job starts (invalid body, queue full) are answered as JSON with their status instead.",
  "Closing the stream does not cancel the check: other requests may have joined it, and its version is stored.",
].join(" ");

/** The OpenAPI 3.1 document of every operation, with a bearer scheme when a token is set. */
export function buildOpenApiDocument(options: OpenApiOptions): JsonSchema {
  const { schemas } = z.toJSONSchema(components, { uri: REF, io: "output" });
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, operation] of Object.entries(OPERATIONS) as [string, Operation][]) {
    const path = `/api${operation.path.replace(/:(\w+)/g, "{$1}")}`;
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = operationObject(operationId, operation, options);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Factually API",
      version: options.version,
      description:
        "Fact-check claims and answer questions from a corpus (and the web): dated, cited, stored checks. Every error answers `{ error: { code, message } }`; an unknown path under /api is 404 and a known path with another method 405 with an Allow header.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    ...(options.baseUrl ? { servers: [{ url: options.baseUrl }] } : {}),
    tags: [
      { name: "checks", description: "Checks, their versions, refreshes and feedback." },
      { name: "corpus", description: "The documents checks are made from." },
      { name: "service", description: "Health, readiness and this description." },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([id, schema]) => [id, bare(schema as JsonSchema)]),
      ),
      ...(options.bearer
        ? { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } }
        : {}),
    },
  };
}

function operationObject(id: string, op: Operation, options: OpenApiOptions): JsonSchema {
  const secured = options.bearer && op.method !== "GET";
  const parameters = [...parametersOf(op.params, "path"), ...parametersOf(op.query, "query")];
  const responses: Record<string, JsonSchema> = {
    [op.ok.status]: {
      description: op.ok.description,
      ...(op.ok.headers ? { headers: headersOf(op.ok.headers) } : {}),
      content: {
        [op.ok.contentType ?? "application/json"]: {
          schema: op.ok.schema ? schemaRef(op.ok.schema) : { type: "object" },
        },
      },
    },
  };
  if (op.events) {
    responses[200] = {
      description: EVENTS_TEXT,
      content: {
        "text/event-stream": {
          schema: { type: "string", description: "See JobAccepted, JobDone and Error." },
        },
      },
    };
  }
  // Without a token, a write is refused when another site's page sent it (403).
  const guard = op.method === "GET" ? [] : [secured ? 401 : 403];
  const statuses = [...op.errors, ...guard, 500].sort((a, b) => a - b);
  for (const status of statuses) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? "An error.",
      ...(status === 429
        ? { headers: headersOf({ "Retry-After": "Seconds to wait before trying again." }) }
        : {}),
      content: { "application/json": { schema: schemaRef(ErrorBody) } },
    };
  }
  for (const [status, other] of Object.entries(op.otherResponses ?? {})) {
    responses[status] = {
      description: other.description,
      content: { "application/json": { schema: schemaRef(other.schema) } },
    };
  }
  return {
    operationId: id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.body.required,
            content: { "application/json": { schema: inputSchema(op.body.schema) } },
          },
        }
      : {}),
    responses,
    ...(secured ? { security: [{ bearerAuth: [] }] } : {}),
    // The least role when the deployment has accounts (docs/accounts.md); absent: anyone.
    ...(op.role ? { "x-factually-role": op.role } : {}),
  };
}

function parametersOf(shape: z.ZodObject | undefined, where: "path" | "query"): JsonSchema[] {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, field]) => {
    const { description, ...schema } = inputSchema(field as z.ZodType);
    return {
      name,
      in: where,
      required: where === "path" || !z.safeParse(field as z.ZodType, undefined).success,
      ...(description ? { description } : {}),
      schema,
    };
  });
}

function headersOf(headers: Record<string, string>): JsonSchema {
  return Object.fromEntries(
    Object.entries(headers).map(([name, description]) => [
      name,
      { description, schema: { type: "string" } },
    ]),
  );
}

/** A response schema by reference when it is a named component, else inline. */
function schemaRef(schema: z.ZodType): JsonSchema {
  const id = components.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  return bare(z.toJSONSchema(schema, { io: "output" }) as JsonSchema);
}

/** A request schema as the client writes it (before defaults and coercion). */
function inputSchema(schema: z.ZodType): JsonSchema {
  return bare(z.toJSONSchema(schema, { io: "input" }) as JsonSchema);
}

/** Without `$schema` and `$id`: inside an OpenAPI 3.1 document the dialect is implied. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}
