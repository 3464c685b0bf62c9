// Test doubles for the safe fetcher: a routed HTTP server on 127.0.0.1 that records every
// request, and a DNS table standing in for the resolver.
import type { LookupAddress } from "node:dns";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIP, type LookupFunction } from "node:net";

/** Answers one request; may leave it unanswered (to test timeouts). */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A request as the server saw it. */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
}

/** A running server; `origin` is http://127.0.0.1:<port>. */
export interface LoopbackServer {
  port: number;
  origin: string;
  requests: RecordedRequest[];
  /** How many requests asked for `pathname` (query ignored). */
  count(pathname: string): number;
  /** Resolves when the next request for `pathname` arrives. */
  nextRequest(pathname: string): Promise<IncomingMessage>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0; paths without a route get 404. */
export async function startLoopbackServer(
  routes: Readonly<Record<string, Route>>,
): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const waiting = new Map<string, ((request: IncomingMessage) => void)[]>();
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    const pathname = new URL(path, "http://x").pathname;
    requests.push({ path, headers: request.headers });
    for (const wake of waiting.get(pathname) ?? []) wake(request);
    waiting.delete(pathname);
    const route = routes[pathname];
    if (route) route(request, response);
    else response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    port: address.port,
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    count: (pathname) =>
      requests.filter((request) => new URL(request.path, "http://x").pathname === pathname).length,
    nextRequest: (pathname) =>
      new Promise((arrived) => waiting.set(pathname, [...(waiting.get(pathname) ?? []), arrived])),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** A resolver answering from `table` (name → address or addresses), ENOTFOUND otherwise. */
export function lookupTable(
  table: Readonly<Record<string, string | readonly string[]>>,
): LookupFunction {
  return (hostname, options, callback) => {
    const entry = table[hostname.toLowerCase()];
    setImmediate(() => {
      if (entry === undefined) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: "ENOTFOUND",
        });
        callback(error, "");
        return;
      }
      const addresses: LookupAddress[] = (typeof entry === "string" ? [entry] : entry).map(
        (address) => ({ address, family: isIP(address) }),
      );
      const first = addresses[0];
      if (options.all === true || first === undefined) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
