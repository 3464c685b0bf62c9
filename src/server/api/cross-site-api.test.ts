// Cross-site request forgery on the API's writes, over real servers: the rule of
// ../cross-site.ts (Sec-Fetch-Site first, then Origin) for every combination a browser or a
// script sends, the bearer token and the CORS origins that let other sites in, and an empty
// or text/plain body — what a cross-site form or a `no-cors` fetch can send — refused before
// any work runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/api-server.js";
import { postJson } from "./testing/http.js";

interface ErrorJson {
  error: { code: string; message: string };
}

/** Nothing runs for this id: a write let through answers 404 (cancel), refused 403. */
const NO_RUN = "no-such-check-0000aaaa";

/** POST /cancel with these browser headers; its status says whether the rule let it through. */
function cancel(server: TestServer, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/api/checks/${NO_RUN}/cancel`, { method: "POST", headers });
}

describe("without an API token: the rule for requests that change something", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_BASE_URL: "https://facts.example.org" });
  });
  afterAll(async () => {
    await server?.close();
  });

  const EVIL = "https://evil.example";
  // [Sec-Fetch-Site, Origin, let through?]; "own" is the address the request was sent to.
  const RULES: Array<[string | undefined, string | undefined, boolean]> = [
    // Fetch Metadata decides when the browser sends it.
    ["same-origin", "null", true], // this site's form, under Referrer-Policy: no-referrer
    ["same-origin", "own", true],
    ["same-origin", undefined, true],
    ["none", undefined, true], // the user's own action (typed, bookmark)
    ["same-site", "http://127.0.0.1:9", false], // another port of the same host
    ["cross-site", EVIL, false],
    ["cross-site", undefined, false],
    ["cross-site", "null", false],
    ["cross-site", "own", false], // Sec-Fetch-Site, which no page can set, wins
    ["same-site", "https://facts.example.org", false],
    // Without it (older browsers, scripts, curl), Origin decides.
    [undefined, undefined, true], // not a browser: nothing to forge
    [undefined, "own", true],
    [undefined, "https://facts.example.org", true], // FACTUALLY_BASE_URL, behind a proxy
    [undefined, "null", false],
    [undefined, EVIL, false],
    [undefined, "http://127.0.0.1:9", false],
    [undefined, "not an origin", false],
  ];

  it.each(RULES)("Sec-Fetch-Site %s, Origin %s: let through %s", async (site, origin, allowed) => {
    const headers: Record<string, string> = {};
    if (site !== undefined) headers["sec-fetch-site"] = site;
    if (origin !== undefined) headers.origin = origin === "own" ? server.url : origin;
    const response = await cancel(server, headers);
    expect(response.status).toBe(allowed ? 404 : 403);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe(allowed ? "NOT_FOUND" : "FORBIDDEN");
    if (!allowed) expect(error.message).toMatch(/another site/);
  });

  it("refuses every write from another site, with an empty, a form or a text/plain body, before any work runs", async () => {
    const created = await postJson(`${server.url}/api/checks`, {
      text: "Vitamin D supplements reduce influenza.",
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { check: { id: string } }).check.id;
    const api = (path: string) => `${server.url}/api${path}`;
    const bodies: Array<[string, Record<string, string>, string | undefined]> = [
      ["empty", {}, undefined],
      ["a form", { "content-type": "application/x-www-form-urlencoded" }, "helpful=true"],
      ["text/plain", { "content-type": "text/plain" }, '{"helpful": true}'],
    ];
    for (const path of ["/checks", `/checks/${id}/refresh`, `/checks/${id}/feedback`]) {
      for (const [what, type, body] of bodies) {
        for (const browser of [
          { origin: EVIL },
          { origin: "null", "sec-fetch-site": "same-site" },
        ]) {
          const response = await fetch(api(path), {
            method: "POST",
            headers: { ...type, ...browser },
            ...(body === undefined ? {} : { body }),
          });
          expect(response.status, `${path}, ${what} body, ${JSON.stringify(browser)}`).toBe(403);
          expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        }
      }
    }
    // Nothing ran and nothing was stored.
    expect((await server.store.checks.getCheck(id))?.versions.length).toBe(1);
    expect(await server.store.checks.listFeedback(id, 1)).toEqual([]);
    // The same refresh from this site runs.
    const own = await fetch(api(`/checks/${id}/refresh`), {
      method: "POST",
      headers: { "sec-fetch-site": "same-origin", origin: "null" },
    });
    expect(own.status).toBe(201);
    // A text/plain body from this site is still refused for what it is.
    const plain = await fetch(api(`/checks/${id}/feedback`), {
      method: "POST",
      headers: { "content-type": "text/plain", "sec-fetch-site": "same-origin" },
      body: '{"helpful": true}',
    });
    expect(plain.status).toBe(415);
  });

  it("lists 403 among the writes' answers in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const answers = (path: string, method: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(answers("/api/checks/{id}/refresh", "post")).toContain("403");
    expect(answers("/api/checks/{id}/refresh", "post")).not.toContain("401");
    expect(answers("/api/checks/{id}", "get")).toContain("200");
    expect(answers("/api/checks/{id}", "get")).not.toContain("403");
  });
});

describe("with an API token", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_API_TOKEN: "s3cret-token" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lets a request with the token through from anywhere, and asks any other for it", async () => {
    const browser = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const withToken = await cancel(server, { ...browser, authorization: "Bearer s3cret-token" });
    expect(withToken.status).toBe(404);
    const without = await cancel(server, browser);
    expect(without.status).toBe(401);
    const ownPage = await cancel(server, { "sec-fetch-site": "same-origin" });
    expect(ownPage.status).toBe(401);
  });
});

describe("with CORS origins", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ FACTUALLY_CORS_ORIGINS: "https://app.example" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lets a listed origin's browser app write, and no other site", async () => {
    const listed = await cancel(server, {
      origin: "https://app.example",
      "sec-fetch-site": "cross-site",
    });
    expect(listed.status).toBe(404);
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const other = await cancel(server, {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(other.status).toBe(403);
  });
});
