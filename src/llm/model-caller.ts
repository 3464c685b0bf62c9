// One structured model call, made safe: counted against the check's budget, limited in
// concurrency, paced to the provider's rate (FACTUALLY_LLM_PER_MINUTE), bounded in time, retried on 429/5xx with backoff (Retry-After honoured),
// validated against a zod schema with one repair attempt, and cancelled with the check.
import {
  APICallError,
  generateText,
  type LanguageModel,
  type ModelMessage,
  Output,
  streamText,
} from "ai";
import type { z } from "zod";
import { FactuallyError, isFactuallyError, messageOf } from "../core/errors.js";
import type { RequestPacer } from "../core/interfaces/request-pacer.js";
import type { StageRun } from "../core/interfaces/stage-run.js";
import { isRetryableStatus, retryDelayMs, sleep } from "../web/backoff.js";
import { parseModelJson } from "./json-reply.js";
import type { Limiter } from "./limiter.js";

/** A configured model and how to call it; one per process and model. */
export interface ModelHandle {
  /** `provider:model`, recorded with every call. */
  id: string;
  model: LanguageModel;
  limiter: Limiter;
  /** Waits for the provider's next free start before every request (absent: unpaced). */
  pace?: RequestPacer;
  timeoutMs: number;
  retries: number;
  stream: boolean;
  temperature: number;
  /** USD per million tokens; the cost is not estimated without it. */
  price?: { input: number; output: number };
  /** Output tokens per prompt name (`write`, `verify`…) where the configuration sets them. */
  maxOutputTokens?: Readonly<Partial<Record<string, number>>>;
  /** For tests: the random source of the backoff jitter. */
  random?: () => number;
}

export interface StructuredRequest<T> {
  system: string;
  prompt: string;
  schema: z.ZodType<T>;
  /** A name for the schema, sent to providers that take one. */
  schemaName: string;
  maxOutputTokens?: number;
}

/**
 * The model's reply, parsed and validated. Rejects with a FactuallyError: ABORTED when the check
 * is cancelled, TIMEOUT, PROVIDER_FAILED, PARSE_FAILED (after one repair) or BUDGET_EXHAUSTED.
 */
export async function callStructured<T>(
  handle: ModelHandle,
  request: StructuredRequest<T>,
  run: StageRun,
  signal?: AbortSignal,
): Promise<T> {
  const messages: ModelMessage[] = [{ role: "user", content: request.prompt }];
  const first = await callWithRetries(handle, request, messages, run, signal);
  const parsed = parseModelJson(first, request.schema);
  if (parsed.ok) return parsed.value;
  const why = bounded(parsed.error, MAX_ERROR_CHARS);
  // One repair: show the model the start of its reply and what was wrong with it.
  run.note(
    `the model's reply did not fit the ${request.schemaName} schema (${why}); asked once to repair it`,
  );
  const repaired = await callWithRetries(
    handle,
    request,
    [
      ...messages,
      { role: "assistant", content: excerpt(first) },
      {
        role: "user",
        content: `That reply is not valid: ${why}. Reply again with only one JSON object that matches the schema, and nothing else.`,
      },
    ],
    run,
    signal,
  );
  const second = parseModelJson(repaired, request.schema);
  if (second.ok) return second.value;
  throw new FactuallyError(
    "PARSE_FAILED",
    `the model's reply did not fit the ${request.schemaName} schema, even after a repair attempt (${bounded(second.error, MAX_ERROR_CHARS)})`,
  );
}

/**
 * Characters of a bad reply shown back to the model in the repair turn: enough to see what
 * went wrong (every schema here fits in far less), never the whole of a runaway reply.
 */
const REPAIR_EXCERPT_CHARS = 2000;
/** A parse error can quote the reply; it is cut to this in notes and in the repair turn. */
const MAX_ERROR_CHARS = 300;

function excerpt(reply: string): string {
  if (!reply) return "(empty reply)";
  if (reply.length <= REPAIR_EXCERPT_CHARS) return reply;
  const rest = reply.length - REPAIR_EXCERPT_CHARS;
  return `${reply.slice(0, REPAIR_EXCERPT_CHARS)}\n… (${rest.toLocaleString("en")} more characters not shown)`;
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function callWithRetries<T>(
  handle: ModelHandle,
  request: StructuredRequest<T>,
  messages: ModelMessage[],
  run: StageRun,
  signal: AbortSignal | undefined,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    run.reserveCall();
    try {
      return await handle.limiter.run(async () => {
        // Inside the concurrency slot: a start reserved while waiting for a slot could pass
        // before the call begins, and two calls would then start together.
        await handle.pace?.(signal);
        return callOnce(handle, request, messages, run, signal);
      }, signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      const fault = faultOf(error, handle);
      const status = APICallError.isInstance(error) ? error.statusCode : undefined;
      const retryable =
        APICallError.isInstance(error) && (isRetryableStatus(status) || error.isRetryable);
      if (!retryable || attempt >= handle.retries) throw fault;
      const wait = retryDelayMs(
        attempt,
        APICallError.isInstance(error) ? error.responseHeaders : undefined,
        handle.random,
      );
      if (wait === undefined) {
        throw new FactuallyError(
          "PROVIDER_FAILED",
          `${fault.message}; the server asked to wait longer than Factually waits for one call`,
          { cause: error, isRetryable: true },
        );
      }
      run.note(`${fault.message}; retrying in ${(wait / 1000).toFixed(1)} s`);
      try {
        await sleep(wait, signal);
      } catch {
        throw cancelled();
      }
    }
  }
}

async function callOnce<T>(
  handle: ModelHandle,
  request: StructuredRequest<T>,
  messages: ModelMessage[],
  run: StageRun,
  signal: AbortSignal | undefined,
): Promise<string> {
  const timeout = AbortSignal.timeout(handle.timeoutMs);
  const abortSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const common = {
    model: handle.model,
    system: request.system,
    messages,
    output: wholeReplyOutput(request),
    temperature: handle.temperature,
    maxOutputTokens: request.maxOutputTokens ?? 2048,
    maxRetries: 0,
    abortSignal,
  };
  try {
    if (handle.stream) {
      // A streamed call reports its real error (an HTTP 429, say) only to onError; the
      // promises then reject with a generic "no output", which would hide the status.
      let streamError: unknown;
      const result = streamText({
        ...common,
        onError: ({ error }) => {
          streamError ??= error;
        },
      });
      try {
        const [text, usage] = await Promise.all([result.text, result.usage]);
        record(handle, run, usage.inputTokens, usage.outputTokens);
        // An error part mid-stream (a dropped connection, Anthropic's overloaded_error after
        // HTTP 200) leaves a partial text: that is a provider fault, not a reply to repair.
        if (streamError !== undefined) throw streamError;
        return text;
      } catch (error) {
        throw streamError ?? error;
      }
    }
    const result = await generateText(common);
    record(handle, run, result.usage.inputTokens, result.usage.outputTokens);
    return result.text;
  } catch (error) {
    // A reply that arrived but did not parse: the caller repairs it; count what it cost.
    if (isNoObject(error)) {
      record(handle, run, error.usage?.inputTokens, error.usage?.outputTokens);
      return error.text ?? "";
    }
    if (timeout.aborted && !signal?.aborted) {
      throw new FactuallyError(
        "TIMEOUT",
        `${handle.id} did not answer within ${handle.timeoutMs} ms (FACTUALLY_LLM_TIMEOUT_MS)`,
        { cause: error, isRetryable: true },
      );
    }
    throw error;
  }
}

/**
 * The structured output the providers are asked for, without the partial parsing streamText
 * does at every delta: it re-parses (and re-serialises) all the text so far each time, which is
 * quadratic — a 64 kB streamed reply took 4 s of CPU — and only the whole reply is used here.
 */
function wholeReplyOutput<T>(request: StructuredRequest<T>) {
  const output = Output.object({ schema: request.schema, name: request.schemaName });
  return { ...output, parsePartialOutput: async () => undefined };
}

interface NoObjectLike {
  text?: string;
  usage?: { inputTokens?: number; outputTokens?: number };
}

function isNoObject(error: unknown): error is NoObjectLike {
  return error instanceof Error && error.name === "AI_NoObjectGeneratedError";
}

function record(
  handle: ModelHandle,
  run: StageRun,
  input: number | undefined,
  output: number | undefined,
): void {
  const inputTokens = input ?? 0;
  const outputTokens = output ?? 0;
  run.record({
    model: handle.id,
    inputTokens,
    outputTokens,
    ...(handle.price
      ? { costUsd: (inputTokens * handle.price.input + outputTokens * handle.price.output) / 1e6 }
      : {}),
  });
}

function cancelled(): FactuallyError {
  return new FactuallyError("ABORTED", "the check was cancelled while waiting for the model");
}

/** A FactuallyError that says what failed, for the note and the fallback reason. */
function faultOf(error: unknown, handle: ModelHandle): FactuallyError {
  // Ours, possibly wrapped by the SDK (a reply over the size limit fails while it is read).
  const own = ownCause(error);
  if (own) return own;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? `HTTP ${error.statusCode}` : "no response";
    return new FactuallyError(
      "PROVIDER_FAILED",
      `${handle.id} failed (${status}: ${firstLine(error.message)})`,
      {
        cause: error,
        isRetryable: error.isRetryable,
      },
    );
  }
  const message = messageOf(error);
  return new FactuallyError("PROVIDER_FAILED", `${handle.id} failed (${firstLine(message)})`, {
    cause: error,
  });
}

function ownCause(error: unknown): FactuallyError | undefined {
  const seen = new Set<unknown>();
  for (let e = error; e instanceof Error && !seen.has(e); e = e.cause) {
    if (isFactuallyError(e)) return e;
    seen.add(e);
  }
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
