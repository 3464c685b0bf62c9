// What the API refuses and how, over real servers: unknown paths and methods, bodies that are
// not JSON or too large, invalid fields, a missing token, too many checks, and CORS.
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localJobs } from "../testing/stage-log.js";
import { startTestServer, type TestServer } from "./testing/api-server.js";
import { postJson } from "./testing/http.js";

interface ErrorJson {
  error: { code: string; message: string };
}

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await response.json()) as ErrorJson).error;
}

describe("with the default settings", () => {
  let server: TestServer;
  const api = (path: string) => `${server.url}/api${path}`;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers an unknown path under /api with a JSON 404", async () => {
    const response = await fetch(api("/nothing/here"));
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: "NOT_FOUND" });
    const post = await fetch(api("/nothing"), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(post.status).toBe(404);
    expect((await fetch(`${server.url}/api`)).status).toBe(404);
  });

  it("answers a known path with another method with a JSON 405 and Allow", async () => {
    const remove = await fetch(api("/checks"), { method: "DELETE" });
    expect(remove.status).toBe(405);
    expect(remove.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "POST"]);
    expect(await errorOf(remove)).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    const post = await postJson(api("/health"), {});
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const put = await fetch(api("/checks/some-check-0000aaaa/feedback"), { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const plain = await fetch(api("/checks"), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ text: "Masks work." }),
    });
    expect(plain.status).toBe(415);
    expect(await errorOf(plain)).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    const untyped = await fetch(api("/checks"), {
      method: "POST",
      body: new TextEncoder().encode('{"text":"Masks work."}'),
    });
    expect(untyped.status).toBe(415);
  });

  it("refuses a body over the limit with 413, by Content-Length and while reading", async () => {
    const big = JSON.stringify({ text: "x".repeat(70 * 1024) });
    const declared = await postJson(api("/checks"), JSON.parse(big));
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // Sent as a stream: no Content-Length, so the size is only known while reading.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 8192)
          controller.enqueue(bytes.slice(at, at + 8192));
        controller.close();
      },
    });
    const chunked = await fetch(api("/checks"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("refuses invalid bodies with 400 naming the field", async () => {
    // Human words, not the validator's ("text: Too small: expected string to have >=1 characters").
    const cases: Array<[unknown, RegExp]> = [
      [{ text: "x".repeat(2001) }, /^text is too long: at most 2,000 characters$/],
      [{ text: "" }, /^text is empty$/],
      [{}, /^text is missing$/],
      [{ text: "Masks work.", fresh: "yes" }, /^fresh must be true or false$/],
      [{ text: "Masks work.", fersh: true }, /^body has an unknown field: fersh$/],
      [["Masks work."], /^body must be a JSON object$/],
    ];
    for (const [body, message] of cases) {
      const response = await postJson(api("/checks"), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(response)).message).toMatch(message);
    }
    const broken = await fetch(api("/checks"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"text": ',
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toMatch(/^body: not valid JSON/);
    const empty = await fetch(api("/checks"), { method: "POST" });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toMatch(/^body: /);
  });

  it("refuses input the pipeline cannot check with 400 before starting a job", async () => {
    const response = await postJson(api("/checks"), { text: "   ?!  " });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/^text: the input has no words/);
    expect(localJobs(server.context.jobs).running + localJobs(server.context.jobs).queued).toBe(0);
  });

  it("sends no CORS headers, even to a browser's preflight", async () => {
    const get = await fetch(api("/health"), { headers: { origin: "https://app.example" } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(api("/checks"), {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.status).toBe(405);
  });
});

describe("with an API token", () => {
  let server: TestServer;
  const api = (path: string) => `${server.url}/api${path}`;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_API_TOKEN: "s3cret-token" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a write without the token, or with another, with 401", async () => {
    const text = { text: "Vitamin D supplements reduce influenza." };
    const none = await postJson(api("/checks"), text);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await errorOf(none)).toMatchObject({ code: "UNAUTHORIZED" });
    const wrong = await postJson(api("/checks"), text, { authorization: "Bearer s3cret-toke" });
    expect(wrong.status).toBe(401);
    const basic = await postJson(api("/checks"), text, { authorization: "Basic czNjcmV0" });
    expect(basic.status).toBe(401);
  });

  it("accepts a write with the token and leaves reads open", async () => {
    const created = await postJson(
      api("/checks"),
      { text: "Vitamin D supplements reduce influenza." },
      { authorization: "Bearer s3cret-token" },
    );
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { check: { id: string } }).check.id;
    expect((await fetch(api(`/checks/${id}`))).status).toBe(200);
    expect((await fetch(api("/checks"))).status).toBe(200);
    const feedback = await postJson(api(`/checks/${id}/feedback`), { helpful: true });
    expect(feedback.status).toBe(401);
  });
});

describe("limits on starting checks", () => {
  let server: TestServer;
  const api = (path: string) => `${server.url}/api${path}`;
  beforeAll(async () => {
    server = await startTestServer({
      FACTUALLY_CHECKS_PER_MINUTE: "2",
      FACTUALLY_MAX_RUNNING: "1",
      FACTUALLY_MAX_QUEUED: "1",
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers a client's check over its per-minute limit with 429 and Retry-After", async () => {
    const text = { text: "Vitamin D supplements reduce influenza." };
    expect((await postJson(api("/checks"), text)).status).toBe(201);
    expect((await postJson(api("/checks"), text)).status).toBe(201);
    // A forwarded-for header is anyone's to write: it does not make a new client.
    const third = await postJson(api("/checks"), text, { "x-forwarded-for": "203.0.113.9" });
    expect(third.status).toBe(429);
    // Two a minute: the next one is allowed after 30 seconds (the test clock stands still).
    expect(third.headers.get("retry-after")).toBe("30");
    expect(await errorOf(third)).toMatchObject({ code: "TOO_MANY" });
    // Refreshes have a budget of their own (FACTUALLY_REFRESHES_PER_MINUTE): this one is
    // judged on its own merits, and there is no such check.
    const refresh = await fetch(api("/checks/any-check-0000aaaa/refresh"), { method: "POST" });
    expect(refresh.status).toBe(404);
    // Reading is not limited.
    expect((await fetch(api("/checks"))).status).toBe(200);
  });

  it("counts each client address on its own", async () => {
    // Linux routes all of 127.0.0.0/8 to loopback: another source address is another client.
    const other = new Agent({ localAddress: "127.0.0.2" });
    try {
      const response = await undiciFetch(api("/checks"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Vitamin D supplements reduce influenza." }),
        dispatcher: other,
      });
      expect(response.status).toBe(201);
    } finally {
      await other.close();
    }
  });

  it("answers 429 with Retry-After when the check queue is full", async () => {
    const client = (n: number) => new Agent({ localAddress: `127.0.0.${10 + n}` });
    const agents = [client(1), client(2), client(3)];
    const post = (i: number, text: string) =>
      undiciFetch(api("/checks"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
        dispatcher: agents[i] as Agent,
      });
    try {
      const hold = server.hold();
      const submitted = (await server.jobs.submissions(0)).length;
      const running = post(0, "Face masks reduce the spread of influenza.");
      await hold.reached;
      const queued = post(1, "Face masks worn late do not reduce infections.");
      await server.jobs.submissions(submitted + 2);
      expect([
        localJobs(server.context.jobs).running,
        localJobs(server.context.jobs).queued,
      ]).toEqual([1, 1]);
      const refused = await post(2, "Stock markets fell on Monday.");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      const error = ((await refused.json()) as ErrorJson).error;
      expect(error).toMatchObject({ code: "TOO_MANY" });
      expect(error.message).toMatch(/running 1 checks and has 1 waiting/);
      hold.release();
      expect((await running).status).toBe(201);
      expect((await queued).status).toBe(201);
    } finally {
      await Promise.all(agents.map((a) => a.close()));
    }
  });

  it("does not spend a client's check when the full queue refused it", async () => {
    const client = (n: number) => new Agent({ localAddress: `127.0.0.${20 + n}` });
    const agents = [client(1), client(2), client(3)];
    const post = (i: number, text: string) =>
      undiciFetch(api("/checks"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
        dispatcher: agents[i] as Agent,
      });
    const codeOf = async (response: Awaited<ReturnType<typeof post>>) => [
      response.status,
      ((await response.json()) as ErrorJson).error.message,
    ];
    try {
      const hold = server.hold();
      const submitted = (await server.jobs.submissions(0)).length;
      const running = post(0, "Vitamin D supplements cut influenza in schoolchildren.");
      await hold.reached;
      const queued = post(1, "Vitamin D supplements do not reduce influenza in adults.");
      await server.jobs.submissions(submitted + 2);
      // Client 3 meets the full queue twice: both times the queue refuses, not its limit…
      for (let i = 0; i < 2; i++) {
        expect(await codeOf(await post(2, "Stock markets fell on Monday."))).toEqual([
          429,
          expect.stringMatching(/running 1 checks and has 1 waiting/),
        ]);
      }
      hold.release();
      expect((await running).status).toBe(201);
      expect((await queued).status).toBe(201);
      // …so it still has both of its two checks a minute.
      expect((await post(2, "Stock markets fell on Monday.")).status).toBe(201);
      expect((await post(2, "Stock markets rose on Tuesday.")).status).toBe(201);
      const third = await post(2, "Stock markets were flat on Wednesday.");
      expect(await codeOf(third)).toEqual([
        429,
        expect.stringMatching(/^this client may start 2 checks a minute/),
      ]);
    } finally {
      await Promise.all(agents.map((a) => a.close()));
    }
  });
});

describe("with CORS origins", () => {
  let server: TestServer;
  const api = (path: string) => `${server.url}/api${path}`;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_CORS_ORIGINS: "https://app.example" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers a listed origin's preflight and requests", async () => {
    const preflight = await fetch(api("/checks"), {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "authorization",
    );
    const get = await fetch(api("/health"), { headers: { origin: "https://app.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(get.headers.get("vary")).toContain("Origin");
  });

  it("gives any other origin no Access-Control-Allow-Origin", async () => {
    const preflight = await fetch(api("/checks"), {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(api("/health"), { headers: { origin: "https://evil.example" } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });
});
