import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import { createProcessPacers } from "../../web/request-pacer.js";
import { createProviderHttp } from "./provider-http.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";

const KEY = "sk-live-0123456789abcdef";

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<FactuallyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FactuallyError);
  return error as FactuallyError;
}

describe("requests", () => {
  it("sends a GET's parameters, leaving out the undefined ones, with the User-Agent", async () => {
    server.reply({ body: { ok: true } });
    const http = createProviderHttp({
      provider: "test",
      userAgent: "Factually-test/1 (ops@example.org)",
    });
    const answer = await http.requestJson({
      method: "GET",
      url: `${server.baseUrl}/api`,
      query: { q: "masks & flu", n: 3, missing: undefined },
      headers: { "x-extra": "1" },
    });
    expect(answer).toEqual({ ok: true });
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ q: "masks & flu", n: "3" });
    expect(request?.headers).toMatchObject({
      accept: "application/json",
      "user-agent": "Factually-test/1 (ops@example.org)",
      "x-extra": "1",
    });
  });

  it("sends a POST's body as JSON", async () => {
    server.reply({ body: { ok: true } });
    const http = createProviderHttp({ provider: "test" });
    await http.requestJson({
      method: "POST",
      url: `${server.baseUrl}/search`,
      body: { q: "ü", n: 2 },
    });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ q: "ü", n: 2 });
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const http = createProviderHttp(
      { provider: "test" },
      {
        fetch: async (input, init) => {
          calls.push(`${init?.method} ${String(input)}`);
          return new Response('{"from":"fake"}');
        },
      },
    );
    expect(await http.requestJson({ method: "GET", url: "https://api.example.org/s" })).toEqual({
      from: "fake",
    });
    expect(calls).toEqual(["GET https://api.example.org/s"]);
  });
});

describe("pace", () => {
  it("starts a provider instance's requests one interval apart, in order", async () => {
    server.reply({ body: { ok: true } });
    const http = createProviderHttp(
      { provider: "test" },
      { minIntervalMs: 300, pacers: createProcessPacers() },
    );
    const url = `${server.baseUrl}/s`;
    await Promise.all([
      http.requestJson({ method: "GET", url }),
      http.requestJson({ method: "GET", url }),
    ]);
    expect(server.events).toEqual(["request 1", "response 1", "request 2", "response 2"]);
  });

  it("paces two instances spending one API key as one, and instances of other keys apart", async () => {
    server.reply({ hang: true });
    const pacers = createProcessPacers();
    const client = (key: string) =>
      createProviderHttp(
        { provider: "test", secrets: [key], quota: key },
        { minIntervalMs: 60_000, retries: 0, pacers },
      );
    const url = `${server.baseUrl}/s`;
    const controller = new AbortController();
    const signal = controller.signal;
    const send = (key: string, who: string) =>
      client(key).requestJson({ method: "GET", url, query: { who }, signal });
    const all = Promise.allSettled([
      send(KEY, "first"),
      send(KEY, "second"),
      send("sk-other-key-42", "other"),
    ]);
    // The first of the shared key and the other key's reach the server; the second of the
    // shared key waits its minute behind the first, until the caller gives up.
    await server.received(2);
    controller.abort();
    await all;
    const who = server.requests.map((r) => Object.fromEntries(r.query ?? []).who);
    expect(who.sort()).toEqual(["first", "other"]);
  });

  it("lets requests overlap when no interval is set", async () => {
    server.reply({ hang: true });
    const http = createProviderHttp({ provider: "test" }, { retries: 0 });
    const url = `${server.baseUrl}/s`;
    const controller = new AbortController();
    const both = Promise.allSettled([
      http.requestJson({ method: "GET", url, signal: controller.signal }),
      http.requestJson({ method: "GET", url, signal: controller.signal }),
    ]);
    // Both reach the server while neither has an answer; then the caller gives up on them.
    await server.received(2);
    controller.abort();
    const results = await both;
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(server.events).toEqual(["request 1", "request 2"]);
  });

  it("stops with ABORTED while a request waits for its turn", async () => {
    server.reply({ body: { ok: true } });
    const http = createProviderHttp(
      { provider: "test" },
      { minIntervalMs: 60_000, pacers: createProcessPacers() },
    );
    const url = `${server.baseUrl}/s`;
    await http.requestJson({ method: "GET", url });
    const controller = new AbortController();
    const waiting = http.requestJson({ method: "GET", url, signal: controller.signal });
    controller.abort();
    expect((await rejection(waiting)).code).toBe("ABORTED");
    expect(server.requests).toHaveLength(1);
  });
});

describe("failures", () => {
  it("does not start when the caller already cancelled", async () => {
    const http = createProviderHttp({ provider: "test" });
    const error = await rejection(
      http.requestJson({ method: "GET", url: server.baseUrl, signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(0);
  });

  it("does not wait longer than it ever would when Retry-After asks for an hour", async () => {
    server.reply({ status: 429, headers: { "retry-after": "3600" }, body: { error: "quota" } });
    const http = createProviderHttp({ provider: "test" }, { retries: 3 });
    const error = await rejection(http.requestJson({ method: "GET", url: server.baseUrl }));
    expect(error.message).toMatch(
      /^test: HTTP 429 \(\{"error":"quota"\}\), asked to retry after 3600 s; rate limited/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a client error", async () => {
    server.reply({ status: 400, body: { error: "bad query" } });
    const http = createProviderHttp({ provider: "test" }, { retries: 3 });
    const error = await rejection(http.requestJson({ method: "GET", url: server.baseUrl }));
    expect(error).toMatchObject({ code: "PROVIDER_FAILED", isRetryable: false });
    expect(error.message).toMatch(/^test: HTTP 400 .*; the request was rejected/);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses an answer larger than the cap, declared or streamed", async () => {
    server.reply({ body: { padding: "x".repeat(1000) } });
    const http = createProviderHttp({ provider: "test" }, { maxResponseBytes: 100 });
    const declared = await rejection(http.requestJson({ method: "GET", url: server.baseUrl }));
    expect(declared.message).toMatch(/^test: the answer is larger than 100 bytes/);

    const streamed = createProviderHttp(
      { provider: "test" },
      {
        maxResponseBytes: 100,
        fetch: async () =>
          new Response(
            new ReadableStream({
              start(controller) {
                for (let i = 0; i < 10; i++)
                  controller.enqueue(new TextEncoder().encode("x".repeat(50)));
                controller.close();
              },
            }),
          ),
      },
    );
    const error = await rejection(
      streamed.requestJson({ method: "GET", url: "https://example.org" }),
    );
    expect(error.message).toMatch(/larger than 100 bytes/);
  });

  it("names the unreachable address and the system's reason, and retries the connection", async () => {
    const closed = await startLoopbackServer();
    const url = closed.baseUrl;
    await closed.close();
    const http = createProviderHttp({ provider: "test" }, { retries: 0 });
    const error = await rejection(http.requestJson({ method: "GET", url: `${url}/s?key=${KEY}` }));
    expect(error.message).toBe(
      `test: could not reach ${url} (ECONNREFUSED); check the network and the provider's address`,
    );

    let calls = 0;
    const flaky = createProviderHttp(
      { provider: "test" },
      {
        retries: 1,
        fetch: async () => {
          calls++;
          if (calls === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
          return new Response("[]");
        },
      },
    );
    expect(await flaky.requestJson({ method: "GET", url: "https://example.org" })).toEqual([]);
    expect(calls).toBe(2);
  });

  it("does not follow a redirect, which would carry the key elsewhere, and says where it pointed", async () => {
    server.reply({
      status: 301,
      headers: { location: "https://searx.example.org/search" },
      body: "",
    });
    const http = createProviderHttp({ provider: "test", secrets: [KEY] });
    const error = await rejection(
      http.requestJson({ method: "GET", url: server.baseUrl, headers: { "x-api-key": KEY } }),
    );
    expect(error.message).toBe(
      "test: HTTP 301 redirect to https://searx.example.org/search; use that address for the provider if it is the right one",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("never repeats a secret, even URL-encoded, that a server echoes", async () => {
    const secret = "key with/slash+plus";
    server.reply({ status: 403, body: `denied ${secret} ${encodeURIComponent(secret)}` });
    const http = createProviderHttp({
      provider: "test",
      secrets: [secret],
      keyVariable: "TEST_API_KEY",
    });
    const error = await rejection(http.requestJson({ method: "GET", url: server.baseUrl }));
    expect(error.message).toBe("test: HTTP 403 (denied [redacted] [redacted]); check TEST_API_KEY");
  });
});
