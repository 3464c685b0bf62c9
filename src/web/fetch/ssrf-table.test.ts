import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFactuallyError } from "../../core/errors.js";
import { createSafeFetcher } from "./safe-fetcher.js";
import type { SafeFetcher } from "./safe-fetcher-types.js";
import {
  type LoopbackServer,
  lookupTable,
  startLoopbackServer,
} from "./testing/loopback-server.js";

// Every row must come back BLOCKED_URL. Where a row could reach something if the guard
// failed, it points at the live loopback server's port, so a leak shows up as a 200 (or a
// TIMEOUT/connection error), never as a silent pass.

const USER_AGENT = "Factually/0.1 (+https://example.org/factually; fact-checking)";

const dns = lookupTable({
  "pages.test": "127.0.0.1",
  localhost: ["127.0.0.1", "::1"],
  "private.test": "10.0.0.5",
  "loopback.test": "127.0.0.1",
  "metadata.test": "169.254.169.254",
  "cgnat.test": "100.64.1.1",
  "ula.test": "fd00::1",
  "mapped.test": "::ffff:127.0.0.1",
  "mixed.test": ["93.184.216.34", "10.0.0.5"],
  "mixed6.test": ["2606:4700::1111", "fe80::1"],
  "private-redirect.test": "192.168.1.1",
});

type Via = "strict" | "loopback-allowed";

let server: LoopbackServer;
let strict: SafeFetcher;
let loopbackAllowed: SafeFetcher;

beforeAll(async () => {
  server = await startLoopbackServer({
    "/": (_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>"),
    "/redirect": (request, response) => {
      const to = new URL(request.url ?? "/", "http://x").searchParams.get("to") ?? "/";
      response.writeHead(302, { location: to }).end();
    },
  });
  const common = { userAgent: USER_AGENT, respectRobots: false, lookup: dns, timeoutMs: 2000 };
  strict = createSafeFetcher(common);
  loopbackAllowed = createSafeFetcher({ ...common, allowLoopback: true });
});

afterAll(async () => {
  await Promise.all([strict.close(), loopbackAllowed.close()]);
  await server.close();
});

function ssrfCases(port: number): [string, string, Via][] {
  const at = (host: string) => `http://${host}:${port}/`;
  const redirectTo = (target: string): string =>
    `http://pages.test:${port}/redirect?to=${encodeURIComponent(target)}`;
  return [
    // IPv4 loopback in every notation WHATWG URL accepts
    ["loopback dotted", at("127.0.0.1"), "strict"],
    ["loopback decimal", at("2130706433"), "strict"],
    ["loopback hex", at("0x7f000001"), "strict"],
    ["loopback octal", at("0177.0.0.1"), "strict"],
    ["loopback short form", at("127.1"), "strict"],
    ["loopback mixed hex", at("0x7f.0.0.1"), "strict"],
    ["loopback octal 32-bit", at("017700000001"), "strict"],
    ["loopback trailing dot", at("127.0.0.1."), "strict"],
    ["loopback full-width digits", at("１２７.０.０.１"), "strict"],
    ["loopback 127.255.255.254", at("127.255.255.254"), "strict"],
    // IPv6 loopback and embedded forms
    ["IPv6 loopback", at("[::1]"), "strict"],
    ["IPv4-mapped dotted", at("[::ffff:127.0.0.1]"), "strict"],
    ["IPv4-mapped long hex", at("[0:0:0:0:0:ffff:7f00:1]"), "strict"],
    ["IPv4-mapped short hex", at("[::ffff:7f00:1]"), "strict"],
    ["IPv4-compatible", at("[::127.0.0.1]"), "strict"],
    ["NAT64 of 10.0.0.1", "http://[64:ff9b::a00:1]/", "strict"],
    ["NAT64 of 127.0.0.1", at("[64:ff9b::7f00:1]"), "strict"],
    ["6to4 of 10.0.0.1", "http://[2002:a00:1::1]/", "strict"],
    ["IPv4-translated 10.0.0.1", "http://[::ffff:0:a00:1]/", "strict"],
    // unspecified
    ["unspecified 0.0.0.0", at("0.0.0.0"), "strict"],
    ["unspecified 0", at("0"), "strict"],
    ["unspecified ::", at("[::]"), "strict"],
    // private, CGNAT, link-local and the metadata endpoint
    ["private 10/8", "http://10.0.0.1/", "strict"],
    ["private 172.16/12", "http://172.16.0.1/", "strict"],
    ["private 192.168/16", "http://192.168.1.1/", "strict"],
    ["private in hex", "http://0x0a000001/", "strict"],
    ["metadata endpoint", "http://169.254.169.254/latest/meta-data/", "strict"],
    ["metadata decimal", "http://2852039166/", "strict"],
    ["metadata IPv4-mapped", "http://[::ffff:169.254.169.254]/", "strict"],
    ["IPv6 link-local", "http://[fe80::1]/", "strict"],
    ["CGNAT low", "http://100.64.0.1/", "strict"],
    ["CGNAT high", "http://100.127.255.254/", "strict"],
    // multicast, broadcast, reserved, documentation, benchmarking
    ["IPv4 multicast", "http://224.0.0.1/", "strict"],
    ["IPv4 broadcast", "http://255.255.255.255/", "strict"],
    ["IPv6 multicast", "http://[ff02::1]/", "strict"],
    ["documentation 192.0.2/24", "http://192.0.2.1/", "strict"],
    ["benchmarking 198.18/15", "http://198.18.0.1/", "strict"],
    ["reserved 240/4", "http://240.0.0.1/", "strict"],
    ["IPv6 documentation", "http://[2001:db8::1]/", "strict"],
    ["IPv6 unique-local fc00", "http://[fc00::1]/", "strict"],
    ["IPv6 unique-local fd", "http://[fd12:3456::1]/", "strict"],
    ["IPv6 site-local", "http://[fec0::1]/", "strict"],
    // host names judged on what they resolve to
    ["localhost", at("localhost"), "strict"],
    ["name → loopback", at("loopback.test"), "strict"],
    ["name → 10.0.0.5", "http://private.test/", "strict"],
    ["name → metadata", "http://metadata.test/latest/meta-data/", "strict"],
    ["name → CGNAT", "http://cgnat.test/", "strict"],
    ["name → ULA", "http://ula.test/", "strict"],
    ["name → mapped loopback", at("mapped.test"), "strict"],
    ["name → public + private (rebinding)", "http://mixed.test/", "strict"],
    ["name → public v6 + link-local", "http://mixed6.test/", "strict"],
    // schemes
    ["file:", "file:///etc/passwd", "strict"],
    ["ftp:", "ftp://example.org/", "strict"],
    ["gopher:", "gopher://example.org:70/", "strict"],
    ["data:", "data:text/html,<p>hi</p>", "strict"],
    ["javascript:", "javascript:alert(1)", "strict"],
    // credentials (the second would otherwise be fetchable)
    ["credentials", "http://user:pass@example.org/", "strict"],
    ["user only, loopback allowed", `http://user@pages.test:${port}/`, "loopback-allowed"],
    // redirects from an allowed loopback page into forbidden places
    ["redirect → 10.0.0.1", redirectTo("http://10.0.0.1/"), "loopback-allowed"],
    [
      "redirect → mapped metadata",
      redirectTo("http://[::ffff:169.254.169.254]/"),
      "loopback-allowed",
    ],
    [
      "redirect → name → 192.168.1.1",
      redirectTo("http://private-redirect.test/"),
      "loopback-allowed",
    ],
    [
      "redirect → metadata",
      redirectTo("http://169.254.169.254/latest/meta-data/"),
      "loopback-allowed",
    ],
    ["redirect → hex private", redirectTo("http://0x0a000001/"), "loopback-allowed"],
    ["redirect → scheme-relative private", redirectTo("//10.1.2.3/"), "loopback-allowed"],
    ["redirect → file:", redirectTo("file:///etc/passwd"), "loopback-allowed"],
    [
      "redirect → credentials",
      redirectTo(`http://user:pass@pages.test:${port}/`),
      "loopback-allowed",
    ],
    [
      "two redirects → NAT64 private",
      redirectTo(redirectTo("http://[64:ff9b::c0a8:101]/")),
      "loopback-allowed",
    ],
  ];
}

describe("the SSRF guard", () => {
  it("blocks every row of the table with BLOCKED_URL, none through a network error", async () => {
    const cases = ssrfCases(server.port);
    const outcomes = await Promise.all(
      cases.map(async ([name, url, via]) => {
        const fetcher = via === "strict" ? strict : loopbackAllowed;
        try {
          const resource = await fetcher.fetch(url);
          return { name, outcome: `fetched (HTTP ${resource.status})` };
        } catch (error) {
          if (isFactuallyError(error) && error.code === "BLOCKED_URL")
            return { name, outcome: "blocked" };
          return {
            name,
            outcome: isFactuallyError(error) ? `${error.code}: ${error.message}` : String(error),
          };
        }
      }),
    );
    const leaked = outcomes.filter((entry) => entry.outcome !== "blocked");
    expect(leaked).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(outcomes.filter((entry) => entry.outcome === "blocked")).toHaveLength(cases.length);
  });

  it("says where a refused URL leads and why", async () => {
    await expect(strict.fetch("http://private.test/a")).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: "http://private.test/a: resolves to 10.0.0.5, a private address",
    });
    await expect(strict.fetch("http://mixed.test/")).rejects.toMatchObject({
      message:
        "http://mixed.test/: resolves to 10.0.0.5 (of 93.184.216.34, 10.0.0.5), a private address",
    });
    await expect(strict.fetch("http://[::ffff:127.0.0.1]/")).rejects.toMatchObject({
      message: expect.stringContaining("an IPv4-mapped form of 127.0.0.1, a loopback address"),
    });
    await expect(strict.fetch("http://169.254.169.254/")).rejects.toMatchObject({
      message: expect.stringContaining("the cloud metadata endpoint"),
    });
  });

  it("names the redirect that led to a refused address", async () => {
    const start = `http://pages.test:${server.port}/redirect?to=${encodeURIComponent("http://10.0.0.1/x")}`;
    await expect(loopbackAllowed.fetch(start)).rejects.toMatchObject({
      code: "BLOCKED_URL",
      message: `http://10.0.0.1/x (redirected from ${start}): 10.0.0.1 is a private address`,
    });
  });

  it("still fetches loopback pages when the test-only switch allows loopback", async () => {
    const byName = await loopbackAllowed.fetch(`http://pages.test:${server.port}/`);
    const byAddress = await loopbackAllowed.fetch(`${server.origin}/`);
    const viaRedirect = await loopbackAllowed.fetch(
      `http://pages.test:${server.port}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${server.port}/`)}`,
    );
    expect([byName.text, byAddress.text, viaRedirect.text]).toEqual([
      "<p>ok</p>",
      "<p>ok</p>",
      "<p>ok</p>",
    ]);
  });
});
