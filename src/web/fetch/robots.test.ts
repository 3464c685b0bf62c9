import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSafeFetcher } from "./safe-fetcher.js";
import type { SafeFetcher, SafeFetchOptions } from "./safe-fetcher-types.js";
import { type LoopbackServer, type Route, startLoopbackServer } from "./testing/loopback-server.js";

const USER_AGENT = "Factually/0.1 (+https://example.org/factually; fact-checking)";

// Other crawlers are shut out; ours may read everything but /private.
const ROBOTS_TXT = [
  "User-agent: *",
  "Disallow: /",
  "",
  "User-agent: Factually",
  "Allow: /",
  "Disallow: /private",
  "",
].join("\n");

const page: Route = (_request, response) =>
  response.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>");
const pages = { "/public/a": page, "/public/b": page, "/private/x": page };

let withRules: LoopbackServer;
let noRobots: LoopbackServer;
let failingRobots: LoopbackServer;
let redirectedRobots: LoopbackServer;
const fetchers: SafeFetcher[] = [];

function fetcherWith(options: Partial<SafeFetchOptions> = {}): SafeFetcher {
  const fetcher = createSafeFetcher({ userAgent: USER_AGENT, allowLoopback: true, ...options });
  fetchers.push(fetcher);
  return fetcher;
}

beforeAll(async () => {
  withRules = await startLoopbackServer({
    ...pages,
    "/robots.txt": (_request, response) =>
      response.writeHead(200, { "content-type": "text/plain" }).end(ROBOTS_TXT),
    "/public/to-private": (_request, response) =>
      response.writeHead(302, { location: "/private/x" }).end(),
  });
  noRobots = await startLoopbackServer(pages);
  failingRobots = await startLoopbackServer({
    ...pages,
    "/robots.txt": (_request, response) =>
      response.writeHead(503, { "content-type": "text/plain" }).end("later"),
  });
  redirectedRobots = await startLoopbackServer({
    ...pages,
    "/robots.txt": (_request, response) =>
      response.writeHead(301, { location: "http://10.0.0.1/robots.txt" }).end(),
  });
});

afterAll(async () => {
  await Promise.all(fetchers.map((fetcher) => fetcher.close()));
  await Promise.all(
    [withRules, noRobots, failingRobots, redirectedRobots].map((server) => server.close()),
  );
});

describe("robots.txt", () => {
  it("refuses a path robots.txt disallows for our user agent, naming robots.txt", async () => {
    const fetcher = fetcherWith();
    await expect(fetcher.fetch(`${withRules.origin}/private/x`)).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: `${withRules.origin}/private/x: disallowed by ${withRules.origin}/robots.txt for ${USER_AGENT}`,
    });
    expect(withRules.requests.some((request) => request.path === "/private/x")).toBe(false);
  });

  it("fetches allowed paths and reads robots.txt once per origin", async () => {
    const fetcher = fetcherWith();
    const before = withRules.count("/robots.txt");
    const [a, b] = await Promise.all([
      fetcher.fetch(`${withRules.origin}/public/a`),
      fetcher.fetch(`${withRules.origin}/public/b`),
    ]);
    await fetcher.fetch(`${withRules.origin}/public/a`);
    expect([a.text, b.text]).toEqual(["<p>page</p>", "<p>page</p>"]);
    expect(withRules.count("/robots.txt") - before).toBe(1);
  });

  it("asks for robots.txt with the configured User-Agent", async () => {
    await fetcherWith().fetch(`${withRules.origin}/public/a`);
    const robotsRequest = withRules.requests.findLast((request) => request.path === "/robots.txt");
    expect(robotsRequest?.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("checks robots.txt again on every redirect hop", async () => {
    await expect(
      fetcherWith().fetch(`${withRules.origin}/public/to-private`),
    ).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: expect.stringContaining("/private/x: disallowed by"),
    });
  });

  it("reads robots.txt again once its cache entry expires", async () => {
    let now = 0;
    const fetcher = fetcherWith({ robotsTtlMs: 1000, now: () => now });
    const before = withRules.count("/robots.txt");
    await fetcher.fetch(`${withRules.origin}/public/a`);
    now = 999;
    await fetcher.fetch(`${withRules.origin}/public/a`);
    now = 1001;
    await fetcher.fetch(`${withRules.origin}/public/a`);
    expect(withRules.count("/robots.txt") - before).toBe(2);
  });

  it("forgets the least recently used origin when the cache is full", async () => {
    const fetcher = fetcherWith({ robotsCacheSize: 1 });
    const before = withRules.count("/robots.txt");
    await fetcher.fetch(`${withRules.origin}/public/a`);
    await fetcher.fetch(`${noRobots.origin}/public/a`); // evicts withRules
    await fetcher.fetch(`${withRules.origin}/public/b`);
    expect(withRules.count("/robots.txt") - before).toBe(2);
  });

  it("does not ask for robots.txt when told not to respect it", async () => {
    const before = withRules.count("/robots.txt");
    const resource = await fetcherWith({ respectRobots: false }).fetch(
      `${withRules.origin}/private/x`,
    );
    expect(resource.status).toBe(200);
    expect(withRules.count("/robots.txt")).toBe(before);
  });

  it("allows everything when robots.txt is missing (4xx)", async () => {
    const before = noRobots.count("/robots.txt");
    const resource = await fetcherWith().fetch(`${noRobots.origin}/private/x`);
    expect(resource.text).toBe("<p>page</p>");
    expect(noRobots.count("/robots.txt") - before).toBe(1);
  });

  it("disallows everything while robots.txt answers 5xx (RFC 9309)", async () => {
    await expect(fetcherWith().fetch(`${failingRobots.origin}/public/a`)).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: `${failingRobots.origin}/public/a: ${failingRobots.origin}/robots.txt counts as disallowing everything: it answered HTTP 503`,
    });
  });

  it("says a host that refuses connections could not be reached, not that robots.txt forbids it", async () => {
    const gone = await startLoopbackServer(pages);
    const origin = gone.origin;
    await gone.close();
    const error = await fetcherWith()
      .fetch(`${origin}/public/a`)
      .then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string },
      );
    expect(error?.code).toBe("PROVIDER_FAILED");
    expect(error?.message).toMatch(
      new RegExp(
        `^${origin}/public/a: the host 127\\.0\\.0\\.1:\\d+ could not be reached \\(.*ECONNREFUSED`,
      ),
    );
    expect(error?.message).not.toContain("robots.txt");
  });

  it("disallows everything when robots.txt redirects somewhere the guard refuses", async () => {
    await expect(fetcherWith().fetch(`${redirectedRobots.origin}/public/a`)).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: expect.stringContaining("10.0.0.1 is a private address"),
    });
    expect(redirectedRobots.count("/public/a")).toBe(0);
  });
});
