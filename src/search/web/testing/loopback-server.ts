// A scripted HTTP server on 127.0.0.1 for provider tests: it records every request and answers
// with the replies it was given, in order, repeating the last.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer, or `hang` to never answer (a provider slower than any timeout). */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string | object }
  | { hang: true };

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** "request 1", "response 1", … in the order they happened, for ordering assertions. */
  readonly events: string[];
  /** Replaces the script: the replies are used in order, the last one for every later request. */
  reply(...replies: Reply[]): void;
  /** Resolves once `count` requests have arrived (an event to await, not a time to guess). */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral loopback port; it answers 200 `{}` until told otherwise. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  let script: Reply[] = [{ status: 200, body: {} }];
  const requests: RecordedRequest[] = [];
  const events: string[] = [];
  const waiters: Array<{ count: number; arrived: () => void }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      requests.push({
        method: request.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const n = requests.length;
      events.push(`request ${n}`);
      for (const waiter of waiters.filter((w) => w.count <= n)) waiter.arrived();
      const reply = script.length > 1 ? (script.shift() as Reply) : (script[0] as Reply);
      if ("hang" in reply) return;
      send(response, reply);
      events.push(`response ${n}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    events,
    reply(...replies) {
      script = replies.length > 0 ? replies : [{ status: 200, body: {} }];
    },
    received(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((arrived) => waiters.push({ count, arrived }));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function send(
  response: ServerResponse,
  reply: { status?: number; headers?: Record<string, string>; body?: string | object },
): void {
  const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
  const isJson = typeof reply.body !== "string";
  response.writeHead(reply.status ?? 200, {
    ...(isJson ? { "content-type": "application/json" } : {}),
    ...reply.headers,
  });
  response.end(body);
}
