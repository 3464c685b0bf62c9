import { createServer, type Server } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSafeFetcher } from "./safe-fetcher.js";
import type { SafeFetcher } from "./safe-fetcher-types.js";
import {
  type LoopbackServer,
  lookupTable,
  type Route,
  startLoopbackServer,
} from "./testing/loopback-server.js";

const USER_AGENT = "Factually/0.1 (+https://example.org/factually; fact-checking)";
const CAP = 1000;

const html =
  (body: string, headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);

const redirect =
  (location: string, status = 302): Route =>
  (_request, response) =>
    response.writeHead(status, { location }).end();

/** Streams `chunk` until the client goes away; resolves `stopped` when it does. */
function endless(chunk: Buffer, headers: Record<string, string>, stopped: () => void): Route {
  return (_request, response) => {
    response.writeHead(200, headers);
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) {}
    };
    response.on("drain", pump);
    response.on("close", stopped);
    pump();
  };
}

let endlessStopped: Promise<void>;
let markEndlessStopped: () => void;
let server: LoopbackServer;
let raw: Server;
let rawPort: number;
let fetcher: SafeFetcher;
let impatient: SafeFetcher;

beforeAll(async () => {
  endlessStopped = new Promise((resolve) => {
    markEndlessStopped = resolve;
  });
  server = await startLoopbackServer({
    "/page": html("<p>hello</p>"),
    // redirect chains: /hop/N redirects to /hop/N-1, /hop/0 is the page
    ...Object.fromEntries(
      Array.from({ length: 7 }, (_, n) => [
        `/hop/${n}`,
        n === 0 ? html("end") : redirect(`/hop/${n - 1}`),
      ]),
    ),
    "/loop": redirect("/loop", 301),
    "/rel/a/start": redirect("../b/next", 307),
    "/rel/b/next": (request, response) => {
      const step3 = request.url?.endsWith("?step=3") === true;
      const location = step3 ? `//${request.headers.host}/rel/done` : "?step=3";
      response.writeHead(step3 ? 303 : 308, { location }).end();
    },
    "/rel/done": html("done"),
    "/not-found": (_request, response) =>
      response.writeHead(404, { "content-type": "text/html" }).end("gone"),
    "/unavailable": (_request, response) =>
      response.writeHead(503, { "content-type": "text/html" }).end("busy"),
    "/big-declared": (_request, response) =>
      response
        .writeHead(200, { "content-type": "text/plain", "content-length": String(CAP * 5) })
        .end("x".repeat(CAP * 5)),
    "/big-chunked": (_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 5; i++) response.write("x".repeat(CAP));
      response.end();
    },
    "/endless": endless(Buffer.alloc(16 * 1024, 120), { "content-type": "text/plain" }, () =>
      markEndlessStopped(),
    ),
    "/gzip-bomb": (_request, response) => {
      const packed = gzipSync("x".repeat(CAP * 100));
      response
        .writeHead(200, {
          "content-type": "text/plain",
          "content-encoding": "gzip",
          "content-length": String(packed.length),
        })
        .end(packed);
    },
    "/gzip-small": (_request, response) =>
      response
        .writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" })
        .end(gzipSync("<p>packed</p>")),
    "/exact-declared": (_request, response) =>
      response
        .writeHead(200, { "content-type": "text/plain", "content-length": String(CAP) })
        .end("y".repeat(CAP)),
    "/exact-chunked": (_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("y".repeat(CAP / 2));
      response.end("y".repeat(CAP / 2));
    },
    "/png": (_request, response) =>
      response.writeHead(200, { "content-type": "image/png" }).end("x".repeat(CAP * 3)),
    "/octet": (_request, response) =>
      response
        .writeHead(200, { "content-type": "application/octet-stream" })
        .end("x".repeat(CAP * 3)),
    "/json": (_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end("{}"),
    "/untyped": (_request, response) => {
      response.removeHeader("content-type");
      response.writeHead(200).end("what am I?");
    },
    "/xhtml": (_request, response) =>
      response
        .writeHead(200, { "content-type": "application/xhtml+xml" })
        .end('<html xmlns="http://www.w3.org/1999/xhtml"/>'),
    "/plain": (_request, response) =>
      response.writeHead(200, { "content-type": "Text/Plain; format=flowed" }).end("plain"),
    "/pdf": (_request, response) =>
      response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n"),
    "/cached": (request, response) => {
      const current = '"v1"';
      const modified = "Wed, 21 Oct 2015 07:28:00 GMT";
      if (
        request.headers["if-none-match"] === current ||
        request.headers["if-modified-since"] === modified
      ) {
        response.writeHead(304, { etag: current }).end();
      } else {
        response
          .writeHead(200, { "content-type": "text/html", etag: current, "last-modified": modified })
          .end("v1");
      }
    },
    "/stray-304": (_request, response) => response.writeHead(304).end(),
    "/silent": () => {}, // never answers
    "/stalls": (_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("first bytes, then nothing");
    },
  });
  raw = createServer((socket) => {
    socket.once("data", () => {
      // Declares 10 bytes and sends 5000: the parser must stop at 10.
      socket.end(
        `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n${"z".repeat(5000)}`,
      );
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((listening) => raw.listen(0, "127.0.0.1", listening));
  const address = raw.address();
  rawPort = typeof address === "object" && address !== null ? address.port : 0;
  const options = {
    userAgent: USER_AGENT,
    maxBytes: CAP,
    respectRobots: false,
    allowLoopback: true,
    lookup: lookupTable({ "pages.test": "127.0.0.1" }),
  };
  fetcher = createSafeFetcher({ ...options, timeoutMs: 5000 });
  // Its timeout is also its connect timeout: long enough that a busy machine still connects.
  impatient = createSafeFetcher({ ...options, timeoutMs: 1_000 });
});

afterAll(async () => {
  await Promise.all([fetcher.close(), impatient.close()]);
  await server.close();
  await new Promise((closed) => raw.close(closed));
});

const at = (path: string) => `http://pages.test:${server.port}${path}`;

describe("redirects", () => {
  it("follows five redirects and lists each URL they led to", async () => {
    const resource = await fetcher.fetch(at("/hop/5"));
    expect(resource.text).toBe("end");
    expect(resource.finalUrl).toBe(at("/hop/0"));
    expect(resource.redirects).toEqual([
      at("/hop/4"),
      at("/hop/3"),
      at("/hop/2"),
      at("/hop/1"),
      at("/hop/0"),
    ]);
  });

  it("refuses a sixth redirect", async () => {
    await expect(fetcher.fetch(at("/hop/6"))).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: expect.stringContaining("more than 5 redirects"),
    });
  });

  it("stops a redirect loop at the cap", async () => {
    const before = server.count("/loop");
    await expect(fetcher.fetch(at("/loop"))).rejects.toMatchObject({
      message: expect.stringContaining("more than 5 redirects"),
    });
    expect(server.count("/loop") - before).toBe(6);
  });

  it("resolves relative, query-only and scheme-relative Locations against the current URL", async () => {
    const resource = await fetcher.fetch(at("/rel/a/start"));
    expect(resource.redirects).toEqual([
      at("/rel/b/next"),
      at("/rel/b/next?step=3"),
      at("/rel/done"),
    ]);
    expect(resource.finalUrl).toBe(at("/rel/done"));
    expect(resource.text).toBe("done");
  });
});

describe("body size cap", () => {
  it("refuses a body whose Content-Length is over the cap without reading it", async () => {
    await expect(fetcher.fetch(at("/big-declared"))).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: `${at("/big-declared")}: the body is larger than the ${CAP}-byte cap (Content-Length says ${CAP * 5})`,
    });
  });

  it("refuses a body without Content-Length once it passes the cap", async () => {
    await expect(fetcher.fetch(at("/big-chunked"))).rejects.toMatchObject({
      message: expect.stringContaining("larger than the 1000-byte cap (stopped reading there)"),
    });
  });

  it("stops an endless body at the cap and hangs up", async () => {
    await expect(fetcher.fetch(at("/endless"))).rejects.toMatchObject({
      message: expect.stringContaining("stopped reading there"),
    });
    await endlessStopped; // the server saw the connection close
  });

  it("never trusts a small Content-Length: a gzip body that inflates past the cap is refused", async () => {
    await expect(fetcher.fetch(at("/gzip-bomb"))).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
    });
  });

  it("reads no more than a Content-Length that understates the body", async () => {
    const resource = await fetcher.fetch(`http://pages.test:${rawPort}/`);
    expect(resource.body.byteLength).toBe(10);
  });

  it("accepts a body of exactly the cap, with or without Content-Length", async () => {
    const declared = await fetcher.fetch(at("/exact-declared"));
    const chunked = await fetcher.fetch(at("/exact-chunked"));
    expect([declared.body.byteLength, chunked.body.byteLength]).toEqual([CAP, CAP]);
  });

  it("undoes gzip content encoding", async () => {
    const resource = await fetcher.fetch(at("/gzip-small"));
    expect(resource.text).toBe("<p>packed</p>");
  });
});

describe("content types", () => {
  // The refused bodies are larger than the cap: reading them would fail differently.
  it.each([
    ["/png", "image/png"],
    ["/octet", "application/octet-stream"],
    ["/json", "application/json"],
    ["/untyped", "(none)"],
  ])("refuses %s (%s) before reading the body", async (path, type) => {
    await expect(fetcher.fetch(at(path))).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: `${at(path)}: content type ${type} is not accepted (only text/html, application/xhtml+xml, text/plain, application/pdf)`,
    });
  });

  it("accepts HTML, XHTML, plain text and PDF, decoding only the text types", async () => {
    const [page, xhtml, plain, pdf] = await Promise.all(
      ["/page", "/xhtml", "/plain", "/pdf"].map((path) => fetcher.fetch(at(path))),
    );
    expect([page?.contentType, xhtml?.contentType, plain?.contentType, pdf?.contentType]).toEqual([
      "text/html",
      "application/xhtml+xml",
      "text/plain",
      "application/pdf",
    ]);
    expect([page?.text, plain?.text, pdf?.text]).toEqual(["<p>hello</p>", "plain", undefined]);
    expect(new TextDecoder().decode(pdf?.body)).toBe("%PDF-1.7\n");
  });
});

describe("responses", () => {
  it("returns the page with its status, URLs and time of fetching", async () => {
    const resource = await fetcher.fetch(at("/page"));
    expect(resource).toMatchObject({
      url: at("/page"),
      finalUrl: at("/page"),
      status: 200,
      redirects: [],
      contentType: "text/html",
      charset: "utf-8",
      text: "<p>hello</p>",
    });
    expect(Date.parse(resource.fetchedAt)).not.toBeNaN();
  });

  it("identifies itself with the configured User-Agent", async () => {
    await fetcher.fetch(at("/page"));
    const request = server.requests.findLast((entry) => entry.path === "/page");
    expect(request?.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("turns a final HTTP error into PROVIDER_FAILED naming the status", async () => {
    await expect(fetcher.fetch(at("/not-found"))).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: `${at("/not-found")}: the server answered HTTP 404`,
      isRetryable: false,
    });
    await expect(fetcher.fetch(at("/unavailable"))).rejects.toMatchObject({ isRetryable: true });
  });

  it("passes a 304 through to a conditional request, keeping the validators", async () => {
    const first = await fetcher.fetch(at("/cached"));
    expect(first).toMatchObject({
      status: 200,
      etag: '"v1"',
      lastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
    });
    const byEtag = await fetcher.fetch(at("/cached"), { ifNoneMatch: '"v1"' });
    expect(byEtag).toMatchObject({ status: 304, etag: '"v1"' });
    expect(byEtag.body.byteLength).toBe(0);
    expect(byEtag.text).toBeUndefined();
    const byDate = await fetcher.fetch(at("/cached"), {
      ifModifiedSince: "Wed, 21 Oct 2015 07:28:00 GMT",
    });
    expect(byDate.status).toBe(304);
  });

  it("treats a 304 nobody asked for as a failure", async () => {
    await expect(fetcher.fetch(at("/stray-304"))).rejects.toMatchObject({
      message: expect.stringContaining("HTTP 304"),
    });
  });
});

describe("time and cancellation", () => {
  it("gives up on a server that never answers with TIMEOUT", async () => {
    await expect(impatient.fetch(at("/silent"))).rejects.toMatchObject({
      code: "TIMEOUT",
      message: `${at("/silent")}: no complete answer within 1000 ms`,
    });
  });

  it("gives up on a body that stalls with TIMEOUT", async () => {
    await expect(impatient.fetch(at("/stalls"))).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("stops with ABORTED when the caller aborts", async () => {
    const controller = new AbortController();
    const arrived = server.nextRequest("/silent");
    const fetching = fetcher.fetch(at("/silent"), { signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(fetching).rejects.toMatchObject({
      code: "ABORTED",
      message: `${at("/silent")}: the fetch was cancelled`,
    });
  });

  it("stops with ABORTED when the caller aborts while the body streams", async () => {
    const controller = new AbortController();
    const arrived = server.nextRequest("/stalls");
    const fetching = fetcher.fetch(at("/stalls"), { signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(fetching).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("refuses to start with an already aborted signal", async () => {
    await expect(fetcher.fetch(at("/page"), { signal: AbortSignal.abort() })).rejects.toMatchObject(
      {
        code: "ABORTED",
      },
    );
  });

  it("refuses fetches once closed", async () => {
    const closing = createSafeFetcher({
      userAgent: USER_AGENT,
      allowLoopback: true,
      respectRobots: false,
    });
    await closing.close();
    await closing.close(); // closing twice is harmless
    await expect(closing.fetch(`${server.origin}/page`)).rejects.toMatchObject({
      code: "ABORTED",
      message: `${server.origin}/page: the fetcher was closed`,
    });
  });
});
