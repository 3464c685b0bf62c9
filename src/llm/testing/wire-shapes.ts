// The OpenAI chat-completions and Anthropic messages wire formats, for the loopback wire server:
// how to read each API's request body, and how to answer in its own shape (body, SSE events,
// error body, models list).
//
// Shapes follow the providers' public API references:
// - OpenAI "Create chat completion" (the `chat.completion` object), the streaming
//   "chat completion chunk" object (`chat.completion.chunk`; with
//   `stream_options.include_usage`, every chunk has `usage: null` and a last chunk with empty
//   `choices` carries the totals; then `data: [DONE]`), "List models", and the error object
//   `{ error: { message, type, param, code } }`.
// - Anthropic "Messages" (the `message` object), "Streaming messages" (`message_start`,
//   `content_block_start`, `ping`, `content_block_delta` with `text_delta` or
//   `input_json_delta`, `content_block_stop`, `message_delta` with the stop reason and output
//   tokens, `message_stop`), "List models", and "Errors" (`{ type: "error", error: { type,
//   message } }`, one `type` per HTTP status).
// The request fields read are the ones @ai-sdk/openai 4, @ai-sdk/openai-compatible 3 and
// @ai-sdk/anthropic 4 send (their dist/index.js, `getArgs`).
import { z } from "zod";

/** Token counts as the server reports them. */
export interface WireUsage {
  input: number;
  output: number;
}

/** What the server needs to know about a chat request, whichever API it came from. */
export interface ChatRequestFacts {
  model: string;
  stream: boolean;
  system: string;
  messages: Array<{ role: string; text: string }>;
  schema?: unknown;
  /** OpenAI: whether the stream ends with a usage chunk. */
  includeUsage: boolean;
  /** Anthropic: the tool the model must call (the SDK's `json` tool for structured output). */
  forcedTool?: string;
}

/** What the model "said", ready to be put in an API's shape. */
export interface WireAnswer {
  id: string;
  model: string;
  /** The content text; for structured output, the JSON text. */
  text: string;
  /** `length` when the text was cut by the token limit. */
  finish: "stop" | "length";
  usage: WireUsage;
  /** Answer by calling this tool with the text as its JSON input (Anthropic). */
  tool?: string;
}

/** One server-sent event; `event:` is only used by Anthropic. */
export interface SseEvent {
  event?: string;
  data: unknown;
}

/** One API's wire format. */
export interface WireFormat {
  /** Reads a request body; throws a ZodError when it is not this API's request. */
  read(body: unknown): ChatRequestFacts;
  /** The non-streamed response body. */
  message(answer: WireAnswer): object;
  /** The streamed response, event by event. */
  events(answer: WireAnswer, facts: ChatRequestFacts): SseEvent[];
  /** The error body for an HTTP status. */
  error(status: number, message?: string): object;
  /** The body of GET /v1/models. */
  models(ids: readonly string[]): object;
  /** How this API's response ids begin. */
  idPrefix: string;
}

/** A rough token count (about four characters a token), used when a reply gives no usage. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The object a JSON text holds, or undefined when it holds something else or is not JSON. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Cuts text into pieces small enough that clients see several deltas. */
function pieces(text: string, size = 8): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

const textPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const textContent = z.union([z.string(), z.array(textPart)]);

function flatten(content: z.infer<typeof textContent> | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.flatMap((part) => (part.text === undefined ? [] : [part.text])).join("\n");
}

const unixSeconds = () => Math.floor(Date.now() / 1000);

// ---- OpenAI chat completions ----

const openaiRequest = z.looseObject({
  model: z.string(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  messages: z.array(z.looseObject({ role: z.string(), content: textContent.nullish() })),
  response_format: z
    .looseObject({
      type: z.string(),
      json_schema: z.looseObject({ schema: z.unknown() }).nullish(),
    })
    .nullish(),
});

const openaiUsage = (usage: WireUsage) => ({
  prompt_tokens: usage.input,
  completion_tokens: usage.output,
  total_tokens: usage.input + usage.output,
});

const openaiErrorKinds: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: "invalid_request_error", code: null, message: "Invalid request." },
  401: { type: "invalid_request_error", code: "invalid_api_key", message: "Incorrect API key." },
  404: { type: "invalid_request_error", code: "not_found", message: "Not found." },
  429: { type: "requests", code: "rate_limit_exceeded", message: "Rate limit reached." },
};

/** OpenAI chat completions, as also spoken by OpenAI-compatible servers. */
export const openaiFormat: WireFormat = {
  idPrefix: "chatcmpl-wire-",

  read(body) {
    const req = openaiRequest.parse(body);
    const isSystem = (role: string) => role === "system" || role === "developer";
    const schema = req.response_format?.json_schema?.schema;
    return {
      model: req.model,
      stream: req.stream === true,
      system: req.messages
        .filter((m) => isSystem(m.role))
        .map((m) => flatten(m.content))
        .join("\n"),
      messages: req.messages
        .filter((m) => !isSystem(m.role))
        .map((m) => ({ role: m.role, text: flatten(m.content) })),
      ...(schema === undefined ? {} : { schema }),
      includeUsage: req.stream_options?.include_usage === true,
    };
  },

  message: (a) => ({
    id: a.id,
    object: "chat.completion",
    created: unixSeconds(),
    model: a.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: a.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: a.finish,
      },
    ],
    usage: openaiUsage(a.usage),
  }),

  events(a, { includeUsage }) {
    const created = unixSeconds();
    const head = { id: a.id, object: "chat.completion.chunk", created, model: a.model };
    const chunk = (delta: object, finish: string | null): SseEvent => ({
      data: {
        ...head,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(includeUsage ? { usage: null } : {}),
      },
    });
    return [
      chunk({ role: "assistant", content: "", refusal: null }, null),
      ...pieces(a.text).map((text) => chunk({ content: text }, null)),
      chunk({}, a.finish),
      ...(includeUsage ? [{ data: { ...head, choices: [], usage: openaiUsage(a.usage) } }] : []),
      { data: "[DONE]" },
    ];
  },

  error(status, message) {
    const kind = openaiErrorKinds[status] ?? {
      type: status >= 500 ? "server_error" : "invalid_request_error",
      code: null,
      message: "The server had an error while processing your request.",
    };
    return {
      error: { message: message ?? kind.message, type: kind.type, param: null, code: kind.code },
    };
  },

  models: (ids) => ({
    object: "list",
    data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "wire-server" })),
  }),
};

// ---- Anthropic messages ----

const anthropicFormatField = z.looseObject({ type: z.string(), schema: z.unknown() }).nullish();
const anthropicRequest = z.looseObject({
  model: z.string(),
  max_tokens: z.number(),
  stream: z.boolean().nullish(),
  system: textContent.nullish(),
  messages: z.array(
    z.looseObject({
      role: z.string(),
      content: z.union([
        z.string(),
        z.array(
          z.looseObject({
            type: z.string(),
            text: z.string().optional(),
            content: textContent.optional(),
          }),
        ),
      ]),
    }),
  ),
  output_config: z.looseObject({ format: anthropicFormatField }).nullish(),
  output_format: anthropicFormatField,
  tools: z.array(z.looseObject({ name: z.string(), input_schema: z.unknown() })).nullish(),
  tool_choice: z.looseObject({ type: z.string(), name: z.string().optional() }).nullish(),
});

function forcedTool(req: z.infer<typeof anthropicRequest>): string | undefined {
  const choice = req.tool_choice;
  if (choice?.type === "tool") return choice.name;
  if (choice?.type === "any" && req.tools?.length === 1) return req.tools[0]?.name;
  return undefined;
}

function stopReason(finish: WireAnswer["finish"], calledTool: boolean): string {
  if (finish === "length") return "max_tokens";
  return calledTool ? "tool_use" : "end_turn";
}

// Anthropic "Errors": one error type per HTTP status.
const anthropicErrorTypes: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

/** Anthropic messages. */
export const anthropicFormat: WireFormat = {
  idPrefix: "msg_wire_",

  read(body) {
    const req = anthropicRequest.parse(body);
    const tool = forcedTool(req);
    // Native structured output is `output_config.format` (`output_format` was its beta name);
    // for models without it the SDK forces a `json` tool whose input_schema is the schema.
    const schema =
      req.output_config?.format?.schema ??
      req.output_format?.schema ??
      req.tools?.find((t) => t.name === tool)?.input_schema;
    return {
      model: req.model,
      stream: req.stream === true,
      system: flatten(req.system),
      messages: req.messages.map((m) => ({
        role: m.role,
        text:
          typeof m.content === "string"
            ? m.content
            : m.content.map((block) => block.text ?? flatten(block.content)).join("\n"),
      })),
      ...(schema === undefined ? {} : { schema }),
      includeUsage: false,
      ...(tool === undefined ? {} : { forcedTool: tool }),
    };
  },

  message(a) {
    // A tool's input is an object on the wire; text that is not one stays a text block, as
    // when a model writes prose instead of calling the tool.
    const input = a.tool === undefined ? undefined : parseJsonObject(a.text);
    const block =
      a.tool !== undefined && input !== undefined
        ? { type: "tool_use", id: `toolu_${a.id}`, name: a.tool, input }
        : { type: "text", text: a.text };
    return {
      id: a.id,
      type: "message",
      role: "assistant",
      model: a.model,
      content: [block],
      stop_reason: stopReason(a.finish, block.type === "tool_use"),
      stop_sequence: null,
      usage: { input_tokens: a.usage.input, output_tokens: a.usage.output },
    };
  },

  events(a) {
    const event = (data: { type: string } & Record<string, unknown>): SseEvent => ({
      event: data.type,
      data,
    });
    const block =
      a.tool === undefined
        ? { type: "text", text: "" }
        : { type: "tool_use", id: `toolu_${a.id}`, name: a.tool, input: {} };
    const delta = (text: string) =>
      a.tool === undefined
        ? { type: "text_delta", text }
        : { type: "input_json_delta", partial_json: text };
    return [
      event({
        type: "message_start",
        message: {
          id: a.id,
          type: "message",
          role: "assistant",
          model: a.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: a.usage.input, output_tokens: 1 },
        },
      }),
      event({ type: "content_block_start", index: 0, content_block: block }),
      event({ type: "ping" }),
      ...pieces(a.text).map((text) =>
        event({ type: "content_block_delta", index: 0, delta: delta(text) }),
      ),
      event({ type: "content_block_stop", index: 0 }),
      event({
        type: "message_delta",
        delta: { stop_reason: stopReason(a.finish, a.tool !== undefined), stop_sequence: null },
        usage: { output_tokens: a.usage.output },
      }),
      event({ type: "message_stop" }),
    ];
  },

  error(status, message) {
    const type =
      anthropicErrorTypes[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
    return { type: "error", error: { type, message: message ?? type.replaceAll("_", " ") } };
  },

  models: (ids) => ({
    data: ids.map((id) => ({
      type: "model",
      id,
      display_name: id,
      created_at: "2025-01-01T00:00:00Z",
    })),
    has_more: false,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  }),
};
