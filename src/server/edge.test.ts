// The server's edge over real sockets: the Host header a DNS-rebinding page would send, the
// nosniff header on every response, and what a slow or greedy client cannot hold open (stalled
// headers, a stalled body, connections beyond the cap) while a long SSE response runs on.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { namesNote } from "./allowed-hosts.js";
import { startTestServer, type TestServer } from "./api/testing/api-server.js";
import { postJson, readAllEvents } from "./api/testing/http.js";

/** A raw request over a new socket; resolves with everything the server sent once it closes. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
    });
    // A reset (a refused connection) is followed by close, which resolves.
    socket.on("error", () => {});
    socket.on("close", () => resolve(received));
    socket.write(request);
  });
}

/** A socket that has connected and sent `start`, and what it receives until the server closes it. */
interface Stalled {
  socket: Socket;
  closed: Promise<string>;
}

function stalledSocket(url: string, start: string): Promise<Stalled> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
    });
    // ECONNRESET is how some closes arrive; the close event follows it.
    socket.on("error", () => {});
    const closed = new Promise<string>((done) => socket.on("close", () => done(received)));
    socket.once("connect", () => {
      socket.write(start);
      resolve({ socket, closed });
    });
    socket.once("error", reject);
  });
}

const hostOf = (url: string) => new URL(url).host;

describe("the Host header", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a name the server was not told it has (DNS rebinding) with 421 before any handler", async () => {
    const port = new URL(server.url).port;
    const api = await rawRequest(
      server.url,
      `GET /api/checks HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(api).toMatch(/^HTTP\/1\.1 421 /);
    expect(api).toMatch(/content-type: application\/json/i);
    expect(api).toMatch(/"code":"MISDIRECTED"/);
    expect(api).toMatch(/FACTUALLY_ALLOWED_HOSTS/);
    const page = await rawRequest(
      server.url,
      `GET / HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(page).toMatch(/^HTTP\/1\.1 421 /);
    expect(page).toMatch(/content-type: text\/html/i);
    // A write is refused too, before it can start a check.
    const body = JSON.stringify({ text: "Face masks work." });
    const post = await rawRequest(
      server.url,
      `POST /api/checks HTTP/1.1\r\nHost: attacker.example:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(post).toMatch(/^HTTP\/1\.1 421 /);
    expect((await server.store.checks.listChecks({ limit: 10 })).checks).toEqual([]);
  });

  it("answers the addresses a loopback server is reached by: its own, 127.0.0.1, [::1] and localhost", async () => {
    const port = new URL(server.url).port;
    for (const host of [hostOf(server.url), `localhost:${port}`, `[::1]:${port}`, "localhost"]) {
      const response = await rawRequest(
        server.url,
        `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      expect(response, host).toMatch(/^HTTP\/1\.1 200 /);
    }
  });
});

describe("FACTUALLY_ALLOWED_HOSTS", () => {
  it("adds the names a server answers to, with or without a port", async () => {
    const server = await startTestServer({
      FACTUALLY_ALLOWED_HOSTS: "factcheck.example, other.example:8443",
    });
    try {
      const status = async (host: string) =>
        (
          await rawRequest(
            server.url,
            `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
          )
        ).slice(9, 12);
      expect(await status("factcheck.example")).toBe("200");
      expect(await status("FactCheck.Example:443")).toBe("200");
      expect(await status("other.example:8443")).toBe("200");
      expect(await status("other.example:9000")).toBe("421");
      expect(await status("attacker.example")).toBe("421");
      expect(await status(hostOf(server.url))).toBe("200");
    } finally {
      await server.close();
    }
  });

  it("adds FACTUALLY_BASE_URL's host", async () => {
    const server = await startTestServer({ FACTUALLY_BASE_URL: "https://checks.example.org" });
    try {
      const response = await rawRequest(
        server.url,
        "GET /api/health HTTP/1.1\r\nHost: checks.example.org\r\nConnection: close\r\n\r\n",
      );
      expect(response).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await server.close();
    }
  });

  it("refuses values that are not host names with BAD_CONFIG naming the variable", () => {
    for (const bad of ["http://factcheck.example", "factcheck.example/path", "a b", "host:99999"]) {
      expect(() => loadConfig({ cwd: "/", env: { FACTUALLY_ALLOWED_HOSTS: bad } }), bad).toThrow(
        /FACTUALLY_ALLOWED_HOSTS/,
      );
    }
    const config = loadConfig({ cwd: "/", env: { FACTUALLY_ALLOWED_HOSTS: "A.example,*" } });
    expect(config.server.allowedHosts).toEqual(["a.example", "*"]);
  });
});

describe("the start-up note about names", () => {
  it("tells a server bound to every address with no names how to be reached by one", () => {
    expect(namesNote("0.0.0.0", [], undefined)).toMatch(/FACTUALLY_ALLOWED_HOSTS/);
    expect(namesNote("::", [], undefined)).toMatch(/FACTUALLY_BASE_URL/);
    expect(namesNote("0.0.0.0", ["factcheck.example"], undefined)).toBeUndefined();
    expect(namesNote("0.0.0.0", [], "https://factcheck.example")).toBeUndefined();
    expect(namesNote("127.0.0.1", [], undefined)).toBeUndefined();
  });
});

describe("X-Content-Type-Options", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is nosniff on every API response: success, error and 404", async () => {
    for (const response of [
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/checks/no-such-check-0000aaaa`),
      await fetch(`${server.url}/api/openapi.json`),
      await fetch(`${server.url}/api/nowhere`),
      await postJson(`${server.url}/api/checks`, { text: "" }),
    ]) {
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
    }
  });
});

describe("slow clients", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      FACTUALLY_HEADERS_TIMEOUT_MS: "200",
      FACTUALLY_REQUEST_TIMEOUT_MS: "400",
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("closes a connection whose headers never end (slowloris) with 408", async () => {
    const stalled = await stalledSocket(
      server.url,
      `GET /api/health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nX-Slow: `,
    );
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("closes a connection whose body never ends with 408", async () => {
    const stalled = await stalledSocket(
      server.url,
      `POST /api/checks HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":`,
    );
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("lets an SSE response run past the request timeout: it limits requests, not responses", async () => {
    const hold = server.hold();
    const response = await postJson(
      `${server.url}/api/checks`,
      { text: "Face masks reduce the spread of influenza." },
      { accept: "text/event-stream" },
    );
    expect(response.status).toBe(200);
    await hold.reached;
    // A stalled body sent after the stream began: once the server closes it, the request
    // timeout has passed for the stream's request too.
    const stalled = await stalledSocket(
      server.url,
      `POST /api/checks HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{`,
    );
    await stalled.closed;
    hold.release();
    const events = await readAllEvents(response);
    expect(events.at(-1)?.event).toBe("done");
  });
});

describe("the connection settings", () => {
  it("refuses a timeout out of range, or headers allowed longer than the whole request", () => {
    const load = (env: Record<string, string>) => () => loadConfig({ cwd: "/", env });
    expect(load({ FACTUALLY_HEADERS_TIMEOUT_MS: "0" })).toThrow(/FACTUALLY_HEADERS_TIMEOUT_MS/);
    expect(load({ FACTUALLY_REQUEST_TIMEOUT_MS: "soon" })).toThrow(/FACTUALLY_REQUEST_TIMEOUT_MS/);
    expect(load({ FACTUALLY_MAX_CONNECTIONS: "0" })).toThrow(/FACTUALLY_MAX_CONNECTIONS/);
    expect(
      load({ FACTUALLY_HEADERS_TIMEOUT_MS: "20000", FACTUALLY_REQUEST_TIMEOUT_MS: "10000" }),
    ).toThrow(/FACTUALLY_HEADERS_TIMEOUT_MS .* longer than FACTUALLY_REQUEST_TIMEOUT_MS/);
  });
});

describe("FACTUALLY_MAX_CONNECTIONS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_MAX_CONNECTIONS: "2" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("closes connections beyond the cap unanswered, and takes new ones once others end", async () => {
    const start = `GET /api/health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\n`;
    const held = [await stalledSocket(server.url, start), await stalledSocket(server.url, start)];
    const refused = await rawRequest(server.url, `${start}Connection: close\r\n\r\n`);
    expect(refused).toBe("");
    for (const { socket, closed } of held) {
      socket.destroy();
      await closed;
    }
    // The server counts a connection gone when its side closes, just after ours: try again
    // until it has (a server that never lets go fails by the test's timeout).
    for (;;) {
      const answer = await rawRequest(server.url, `${start}Connection: close\r\n\r\n`);
      if (answer !== "") {
        expect(answer).toMatch(/^HTTP\/1\.1 200 /);
        break;
      }
    }
  });
});
