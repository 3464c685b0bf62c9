import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BraveSearchProvider } from "./brave.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import {
  describeWebProviderContract,
  fixtureText,
  QUERY,
  TEST_KEY,
} from "./web-provider.contract.js";

describeWebProviderContract({
  id: "brave",
  fixture: "brave",
  emptyAnswer: { type: "search", query: { original: QUERY, more_results_available: false } },
  keyVariable: "BRAVE_API_KEY",
  create: (baseUrl, http) => new BraveSearchProvider({ apiKey: TEST_KEY, baseUrl, http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/res/v1/web/search");
    expect(Object.fromEntries(request.query)).toEqual({ q: QUERY, count: String(limit) });
    expect(request.headers["x-subscription-token"]).toBe(TEST_KEY);
    expect(request.headers.accept).toBe("application/json");
  },
});

describe("Brave search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("maps description, page age and the site's name; scores by rank", async () => {
    server.reply({ body: fixtureText("brave") });
    const provider = new BraveSearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    const hits = await provider.search(QUERY, { limit: 3 });
    expect(hits[0]).toEqual({
      providerId: "brave",
      query: QUERY,
      rank: 1,
      score: 1,
      title: "Effectiveness of Face Mask or Respirator Use in Indoor Public Settings",
      url: "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
      snippet:
        "Consistently wearing a face mask or respirator in indoor public settings was associated with lower odds of a positive SARS\u2011CoV\u20112 test result.",
      publishedAt: "2022-02-11T00:00:00Z",
      publisher: "Centers for Disease Control and Prevention",
    });
    // No profile: the host names the site; a relative age is no date.
    expect(hits[1]).toMatchObject({ rank: 2, score: 0.5, publisher: "www.bmj.com" });
    expect(hits[1]?.publishedAt).toBeUndefined();
    expect(hits[2]).toMatchObject({ score: 1 / 3, publisher: "Wikipedia" });
  });

  it("asks for at most the 20 results Brave allows, and passes language and country", async () => {
    server.reply({ body: { type: "search" } });
    const provider = new BraveSearchProvider({
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      language: "de",
      country: "DE",
    });
    await provider.search(QUERY, { limit: 50 });
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({
      q: QUERY,
      count: "20",
      search_lang: "de",
      country: "DE",
    });
  });

  it("refuses to start without a key, naming BRAVE_API_KEY", () => {
    expect(() => new BraveSearchProvider({ apiKey: " " })).toThrow(
      expect.objectContaining({
        code: "BAD_CONFIG",
        message: expect.stringContaining("BRAVE_API_KEY"),
      }),
    );
  });
});
