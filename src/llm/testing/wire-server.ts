// A loopback HTTP server that answers like the OpenAI chat-completions and Anthropic messages
// APIs, so tests and demos can point the real AI SDK providers at 127.0.0.1 instead of the
// internet. Routes: POST /v1/chat/completions (OpenAI and OpenAI-compatible), POST /v1/messages
// (Anthropic), GET /v1/models. Where each body and event shape comes from: ./wire-shapes.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ZodError } from "zod";
import {
  anthropicFormat,
  type ChatRequestFacts,
  estimateTokens,
  openaiFormat,
  parseJsonObject,
  type SseEvent,
  type WireAnswer,
  type WireFormat,
  type WireUsage,
} from "./wire-shapes.js";

export type { WireUsage } from "./wire-shapes.js";

/** Which wire format a request used. */
export type WireApi = "openai-chat" | "anthropic-messages";

/** One chat request as the server received it. */
export interface WireRequest {
  api: WireApi;
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON body as received. */
  body: Record<string, unknown>;
  stream: boolean;
  model: string;
  /** All system text (OpenAI system/developer messages, Anthropic `system`), joined. */
  system: string;
  /** All user/assistant message text, flattened in order (role + text). */
  messages: Array<{ role: string; text: string }>;
  /**
   * The JSON schema asked for, if any: OpenAI `response_format.json_schema.schema`; Anthropic
   * `output_config.format.schema` (or the input_schema of the tool the request forces).
   */
  schema?: unknown;
  /**
   * For an `oversized` reply: settles once the server stops writing, with the bytes written and
   * whether that was all of them (false when the client stopped reading and went away).
   */
  delivered?: Promise<{ bytes: number; complete: boolean }>;
}

/** How the server answers one request. */
export type WireReply =
  /** The assistant's content text (for structured output: the JSON text). */
  | { kind: "text"; text: string; usage?: WireUsage }
  /** `JSON.stringify(value)` as the content. */
  | { kind: "json"; value: unknown; usage?: WireUsage }
  /** An HTTP error with the API's own error body, and `Retry-After` when given. */
  | { kind: "status"; status: number; retryAfterSeconds?: number; message?: string }
  /** Accept the request and never answer, until the client disconnects or the server closes. */
  | { kind: "hang" }
  /** Content cut mid-way by the token limit (OpenAI `length`, Anthropic `max_tokens`). */
  | { kind: "truncated"; text: string; usage?: WireUsage }
  /**
   * A well-formed answer whose content is padded to about `bytes` bytes, written as the client
   * reads it (chunked, or with a Content-Length when `declareLength`); the request's
   * `delivered` records how much was written before the client stopped reading.
   */
  | { kind: "oversized"; bytes: number; declareLength?: boolean };

export interface WireServer {
  /** Base URL, e.g. http://127.0.0.1:PORT; the SDKs' baseURL is `${url}/v1`. */
  url: string;
  /** Every chat request handed to `reply`, in arrival order (error replies included). */
  requests: WireRequest[];
  /** Stops listening and drops open connections, hanging requests included. */
  close(): Promise<void>;
}

export interface WireServerOptions {
  /** Model ids listed by GET /v1/models. */
  models?: readonly string[];
}

type Reply = (req: WireRequest) => WireReply | Promise<WireReply>;

/** Starts the server on 127.0.0.1 with a free port; `reply` decides each chat answer. */
export async function startWireServer(
  reply: Reply,
  { models = ["wire-model"] }: WireServerOptions = {},
): Promise<WireServer> {
  const requests: WireRequest[] = [];
  let served = 0;

  async function serve(req: IncomingMessage, res: ServerResponse, format: WireFormat) {
    const path = pathOf(req);
    const api = routes[`${req.method} ${path}`];
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, format.models(models));
    }
    if (api === undefined) {
      return sendJson(res, 404, format.error(404, `no route for ${req.method} ${path}`));
    }
    const body = parseJsonObject(await readBody(req));
    if (body === undefined) return sendJson(res, 400, format.error(400, "body is not JSON"));
    let facts: ChatRequestFacts;
    try {
      facts = format.read(body);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      return sendJson(res, 400, format.error(400, `not a ${api} request: ${error.message}`));
    }
    const request: WireRequest = { api, path, headers: flatHeaders(req), body, ...seen(facts) };
    requests.push(request);
    const answer = await Promise.resolve()
      .then(() => reply(request))
      .catch((error: unknown): WireReply => {
        return { kind: "status", status: 500, message: `wire server reply failed: ${error}` };
      });
    if (res.destroyed || answer.kind === "hang") return;
    if (answer.kind === "status") {
      const retryAfter = answer.retryAfterSeconds;
      return sendJson(
        res,
        answer.status,
        format.error(answer.status, answer.message),
        retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
      );
    }
    if (answer.kind === "oversized") {
      const wire = toAnswer({ kind: "text", text: FILL }, facts, `${format.idPrefix}${++served}`);
      request.delivered = sendOversized(res, format, facts, wire, answer);
      await request.delivered;
      return;
    }
    const wire = toAnswer(answer, facts, `${format.idPrefix}${++served}`);
    if (facts.stream) sendEvents(res, format.events(wire, facts));
    else sendJson(res, 200, format.message(wire));
  }

  const server = createServer((req, res) => {
    const format = formatOf(req);
    serve(req, res, format).catch((error: unknown) => {
      // A client that went away mid-request needs no answer; anything else is a bug worth seeing.
      if (res.headersSent || res.destroyed) res.destroy();
      else sendJson(res, 500, format.error(500, `wire server failed: ${error}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and hanging requests would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const routes: Record<string, WireApi | undefined> = {
  "POST /v1/chat/completions": "openai-chat",
  "POST /v1/messages": "anthropic-messages",
};

const formats: Record<WireApi, WireFormat> = {
  "openai-chat": openaiFormat,
  "anthropic-messages": anthropicFormat,
};

const pathOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://127.0.0.1").pathname;

/** The API a request speaks: by route, else (models list, unknown routes) by its headers. */
function formatOf(req: IncomingMessage): WireFormat {
  const api = routes[`${req.method} ${pathOf(req)}`];
  return formats[api ?? (req.headers["anthropic-version"] ? "anthropic-messages" : "openai-chat")];
}

/** The facts a test sees; the rest only shapes the answer. */
function seen(facts: ChatRequestFacts) {
  const { model, stream, system, messages, schema } = facts;
  return { model, stream, system, messages, ...(schema === undefined ? {} : { schema }) };
}

function toAnswer(
  reply: Extract<WireReply, { kind: "text" | "json" | "truncated" }>,
  facts: ChatRequestFacts,
  id: string,
): WireAnswer {
  const text = reply.kind === "json" ? JSON.stringify(reply.value) : reply.text;
  const prompt = [facts.system, ...facts.messages.map((m) => m.text)].filter(Boolean).join("\n");
  return {
    id,
    model: facts.model,
    text,
    finish: reply.kind === "truncated" ? "length" : "stop",
    usage: reply.usage ?? { input: estimateTokens(prompt), output: estimateTokens(text) },
    ...(facts.forcedTool === undefined ? {} : { tool: facts.forcedTool }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendEvents(res: ServerResponse, events: readonly SseEvent[]): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.end(eventText(events));
}

function eventText(events: readonly SseEvent[]): string {
  return events
    .map(({ event, data }) => {
      const line = `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
      return event === undefined ? line : `event: ${event}\n${line}`;
    })
    .join("");
}

/** Stands for the padding in an oversized answer's content until it is written. */
const FILL = "@@FILL@@";
const FILL_CHUNK = "x".repeat(64 * 1024);

/**
 * The answer's body (or event stream) with FILL replaced by "x"s up to `bytes`, written chunk by
 * chunk as the socket drains, so a client that stops reading stops the server too.
 */
async function sendOversized(
  res: ServerResponse,
  format: WireFormat,
  facts: ChatRequestFacts,
  wire: WireAnswer,
  reply: Extract<WireReply, { kind: "oversized" }>,
): Promise<{ bytes: number; complete: boolean }> {
  const whole = facts.stream
    ? eventText(format.events(wire, facts))
    : JSON.stringify(format.message(wire));
  const at = whole.indexOf(FILL);
  const head = whole.slice(0, at);
  const tail = whole.slice(at + FILL.length);
  const fill = Math.max(0, reply.bytes - head.length - tail.length);
  res.writeHead(200, {
    "content-type": facts.stream ? "text/event-stream" : "application/json",
    ...(reply.declareLength ? { "content-length": String(head.length + fill + tail.length) } : {}),
  });
  let bytes = 0;
  const write = async (chunk: string) => {
    if (res.destroyed) return false;
    bytes += chunk.length;
    if (!res.write(chunk)) await drainedOrClosed(res);
    return !res.destroyed;
  };
  let open = await write(head);
  for (let left = fill; open && left > 0; left -= FILL_CHUNK.length) {
    open = await write(left >= FILL_CHUNK.length ? FILL_CHUNK : FILL_CHUNK.slice(0, left));
  }
  if (open) open = await write(tail);
  if (open) res.end();
  return { bytes, complete: open };
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
