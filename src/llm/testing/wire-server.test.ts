// The wire server checked through the real AI SDK providers and `ai` functions: when these pass,
// the shapes are the ones the SDKs send and parse.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, NoObjectGeneratedError, Output, streamText } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startWireServer, type WireApi, type WireReply, type WireServer } from "./wire-server.js";

type Model = Parameters<typeof generateText>[0]["model"];
type ProviderOptions = Parameters<typeof generateText>[0]["providerOptions"];

interface ProviderCase {
  name: string;
  api: WireApi;
  model: (baseURL: string) => Model;
  providerOptions?: ProviderOptions;
  /** Where in the request body this SDK puts the JSON schema. */
  schemaAt: Path;
  /** A fact about the raw answer body that proves which shape the server chose. */
  answered: { at: Path; is: unknown };
  /** The same for one of the raw stream events. */
  streamed: { at: Path; is: unknown };
}

type Path = ReadonlyArray<string | number>;
const openaiAnswered = {
  at: ["choices", 0, "message", "content"],
  is: '{"answer":"yes","score":0.8}',
};
const openaiStreamed = { at: ["object"], is: "chat.completion.chunk" };

// Every case uses the real provider package, pointed at the wire server.
const providers: ProviderCase[] = [
  {
    name: "@ai-sdk/openai chat",
    api: "openai-chat",
    model: (baseURL) => createOpenAI({ baseURL, apiKey: "test" }).chat("m"),
    schemaAt: ["response_format", "json_schema", "schema"],
    answered: openaiAnswered,
    streamed: openaiStreamed,
  },
  {
    name: "@ai-sdk/openai-compatible",
    api: "openai-chat",
    model: (baseURL) =>
      createOpenAICompatible({
        name: "local",
        baseURL,
        supportsStructuredOutputs: true,
        includeUsage: true,
      })("m"),
    schemaAt: ["response_format", "json_schema", "schema"],
    answered: openaiAnswered,
    streamed: openaiStreamed,
  },
  {
    name: "@ai-sdk/anthropic with output_config.format",
    api: "anthropic-messages",
    model: (baseURL) => createAnthropic({ baseURL, apiKey: "test" })("claude-x"),
    schemaAt: ["output_config", "format", "schema"],
    answered: { at: ["content", 0, "type"], is: "text" },
    streamed: { at: ["delta", "type"], is: "text_delta" },
  },
  {
    name: "@ai-sdk/anthropic with the json tool",
    api: "anthropic-messages",
    model: (baseURL) => createAnthropic({ baseURL, apiKey: "test" })("claude-x"),
    providerOptions: { anthropic: { structuredOutputMode: "jsonTool" } },
    schemaAt: ["tools", 0, "input_schema"],
    answered: { at: ["content", 0, "type"], is: "tool_use" },
    streamed: { at: ["delta", "type"], is: "input_json_delta" },
  },
];

const verdict = z.object({ answer: z.string(), score: z.number() });
const system = "You check facts.";
const prompt = "Do masks reduce the spread of COVID-19?";

let server: WireServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function at(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) here = (here as Record<string | number, unknown> | undefined)?.[key];
  return here;
}

/** Starts a server that answers the given replies in turn (the last one repeats). */
async function serve(...replies: WireReply[]): Promise<WireServer> {
  let turn = 0;
  server = await startWireServer(
    () => replies[Math.min(turn++, replies.length - 1)] ?? { kind: "hang" },
  );
  return server;
}

describe.each(providers)(
  "$name",
  ({ api, model, providerOptions, schemaAt, answered, streamed }) => {
    const call = (s: WireServer) => ({
      model: model(`${s.url}/v1`),
      system,
      prompt,
      output: Output.object({ schema: verdict }),
      maxOutputTokens: 256,
      maxRetries: 0,
      ...(providerOptions ? { providerOptions } : {}),
    });
    const usage = { input: 21, output: 8 };

    it("generates a structured object, and the server sees the schema, prompt and system text", async () => {
      const s = await serve({ kind: "json", value: { answer: "yes", score: 0.8 }, usage });
      const result = await generateText({ ...call(s), include: { responseBody: true } });
      expect(result.output).toEqual({ answer: "yes", score: 0.8 });
      expect(result.usage).toMatchObject({ inputTokens: 21, outputTokens: 8, totalTokens: 29 });
      const [req] = s.requests;
      expect(req).toMatchObject({
        api,
        stream: false,
        system,
        messages: [{ role: "user", text: prompt }],
      });
      expect(req?.schema).toMatchObject({
        type: "object",
        properties: { answer: { type: "string" }, score: { type: "number" } },
      });
      expect(at(req?.body, schemaAt)).toEqual(req?.schema);
      expect(at(result.response.body, answered.at)).toEqual(answered.is);
    });

    it("streams a structured object with its usage", async () => {
      const s = await serve({ kind: "json", value: { answer: "no", score: 0.1 }, usage });
      const result = streamText({ ...call(s), includeRawChunks: true });
      const raw: unknown[] = [];
      for await (const part of result.fullStream) if (part.type === "raw") raw.push(part.rawValue);
      expect(await result.output).toEqual({ answer: "no", score: 0.1 });
      expect(await result.usage).toMatchObject({ inputTokens: 21, outputTokens: 8 });
      expect(s.requests[0]).toMatchObject({ api, stream: true, system });
      expect(at(s.requests[0]?.body, schemaAt)).toEqual(s.requests[0]?.schema);
      expect(raw.map((chunk) => at(chunk, streamed.at))).toContain(streamed.is);
    });

    it("fails a 429 with an APICallError carrying Retry-After, then answers the next call", async () => {
      const s = await serve(
        { kind: "status", status: 429, retryAfterSeconds: 1, message: "slow down" },
        { kind: "json", value: { answer: "yes", score: 1 } },
      );
      const error = await generateText(call(s)).catch((e: unknown) => e);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 429, isRetryable: true, message: "slow down" });
      expect((error as APICallError).responseHeaders?.["retry-after"]).toBe("1");
      expect((await generateText(call(s))).output).toEqual({ answer: "yes", score: 1 });
      expect(s.requests).toHaveLength(2);
    });

    it("fails a 500 with an APICallError whose message comes from the API's error body", async () => {
      const s = await serve({ kind: "status", status: 500, message: "boom" });
      const error = await generateText(call(s)).catch((e: unknown) => e);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 500, isRetryable: true, message: "boom" });
    });

    it("gives up on a hanging request when the abort signal fires, and still closes", async () => {
      const s = await serve({ kind: "hang" });
      const error = await generateText({ ...call(s), abortSignal: AbortSignal.timeout(300) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DOMException);
      expect(error).toMatchObject({ name: "TimeoutError" });
      await s.close();
    });

    it("fails a truncated structured answer with NoObjectGeneratedError", async () => {
      const s = await serve({ kind: "truncated", text: '{"answer":"ye' });
      const error = await generateText(call(s)).catch((e: unknown) => e);
      expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ name: "AI_NoObjectGeneratedError", finishReason: "length" });
    });

    it("fails a truncated streamed structured answer with NoObjectGeneratedError", async () => {
      const s = await serve({ kind: "truncated", text: '{"answer":"ye' });
      const error = await Promise.resolve(streamText(call(s)).output).catch((e: unknown) => e);
      expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ finishReason: "length" });
    });
  },
);

describe("startWireServer", () => {
  const openai = (s: WireServer) =>
    createOpenAI({ baseURL: `${s.url}/v1`, apiKey: "test" }).chat("m");

  it("estimates usage at about four characters a token when the reply gives none", async () => {
    const s = await serve({ kind: "text", text: "y".repeat(12) });
    const result = await generateText({ model: openai(s), prompt: "x".repeat(40) });
    expect(result.text).toBe("y".repeat(12));
    expect(result.usage).toMatchObject({ inputTokens: 10, outputTokens: 3 });
  });

  it("sends no usage in an OpenAI-compatible stream unless the provider sets includeUsage", async () => {
    const s = await serve({ kind: "text", text: "hello" });
    const model = createOpenAICompatible({ name: "local", baseURL: `${s.url}/v1` })("m");
    const result = streamText({ model, prompt: "hi" });
    expect(await result.text).toBe("hello");
    expect((await result.usage).inputTokens).toBeUndefined();
    expect(s.requests[0]?.body).not.toHaveProperty("stream_options");
  });

  it("lists models in OpenAI's shape, and in Anthropic's when asked with anthropic-version", async () => {
    server = await startWireServer(() => ({ kind: "hang" }), { models: ["small"] });
    const plain = await fetch(`${server.url}/v1/models`);
    expect(await plain.json()).toMatchObject({ object: "list", data: [{ id: "small" }] });
    const anthropic = await fetch(`${server.url}/v1/models`, {
      headers: { "anthropic-version": "2023-06-01" },
    });
    expect(await anthropic.json()).toMatchObject({ data: [{ type: "model", id: "small" }] });
  });

  it("answers an unknown route with a 404 JSON error and records nothing", async () => {
    const s = await serve({ kind: "text", text: "unused" });
    const res = await fetch(`${s.url}/v1/responses`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { message: "no route for POST /v1/responses" },
    });
    expect(s.requests).toEqual([]);
  });

  it("rejects a body that is not the API's request shape with a 400 in that API's error shape", async () => {
    const s = await serve({ kind: "text", text: "unused" });
    const res = await fetch(`${s.url}/v1/messages`, {
      method: "POST",
      body: JSON.stringify({ model: "claude-x", messages: [] }), // no max_tokens
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error" },
    });
  });

  it("answers 500 when the reply function throws, and still records the request", async () => {
    server = await startWireServer(() => {
      throw new Error("no reply scripted");
    });
    const error = await generateText({ model: openai(server), prompt: "hi", maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ statusCode: 500 });
    expect((error as Error).message).toContain("no reply scripted");
    expect(server.requests).toHaveLength(1);
  });

  it("ends a request left hanging when it closes", async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server = await startWireServer(() => {
      arrived();
      return { kind: "hang" };
    });
    const pending = generateText({ model: openai(server), prompt: "hi", maxRetries: 0 });
    const outcome = pending.catch((e: unknown) => e);
    await arrival;
    await server.close();
    expect(APICallError.isInstance(await outcome)).toBe(true);
  });
});
