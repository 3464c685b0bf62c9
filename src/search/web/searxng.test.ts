import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SearxngSearchProvider } from "./searxng.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import { describeWebProviderContract, fixtureText, QUERY } from "./web-provider.contract.js";

describeWebProviderContract({
  id: "searxng",
  fixture: "searxng",
  emptyAnswer: {
    query: QUERY,
    number_of_results: 0,
    results: [],
    answers: [],
    corrections: [],
    infoboxes: [],
    suggestions: [],
    unresponsive_engines: [],
  },
  create: (baseUrl, http) =>
    new SearxngSearchProvider({ baseUrl: `${baseUrl}/`, language: "en", http }),
  expectRequest(request) {
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/search");
    expect(Object.fromEntries(request.query)).toEqual({
      q: QUERY,
      format: "json",
      categories: "general",
      language: "en",
    });
  },
});

describe("SearXNG search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("keeps SearXNG's score, date and the site of each result", async () => {
    server.reply({ body: fixtureText("searxng") });
    const provider = new SearxngSearchProvider({ baseUrl: server.baseUrl });
    const [first, second] = await provider.search(QUERY, { limit: 5 });
    expect(first).toEqual({
      providerId: "searxng",
      query: QUERY,
      rank: 1,
      score: 7.5,
      title: "Effectiveness of Face Mask or Respirator Use in Indoor Public Settings",
      url: "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
      snippet:
        "Consistently wearing a face mask or respirator in indoor public settings was associated with lower odds of a positive SARS-CoV-2 test result.",
      publishedAt: "2022-02-11T00:00:00Z",
      publisher: "cdc.gov",
    });
    expect(second?.publishedAt).toBeUndefined();
    expect(second?.snippet).toContain("influenza\u2011like illness");
    expect(server.requests[0]?.query.has("language")).toBe(false);
  });

  it("keeps a sub-path of the instance address", async () => {
    server.reply({ body: { results: [] } });
    const provider = new SearxngSearchProvider({ baseUrl: `${server.baseUrl}/searx/` });
    await provider.search(QUERY, { limit: 5 });
    expect(server.requests[0]?.path).toBe("/searx/search");
  });

  it("says to enable the JSON format when the instance answers 403", async () => {
    server.reply({ status: 403, body: "Forbidden" });
    const provider = new SearxngSearchProvider({ baseUrl: server.baseUrl });
    await expect(provider.search(QUERY, { limit: 5 })).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: expect.stringMatching(/^searxng: HTTP 403 \(Forbidden\); .*json to search\.formats/),
    });
  });

  it("refuses to start without an instance address, naming FACTUALLY_SEARXNG_URL", () => {
    for (const baseUrl of [undefined, "", "localhost:8888", "ftp://example.org"]) {
      expect(() => new SearxngSearchProvider({ baseUrl })).toThrow(
        expect.objectContaining({
          code: "BAD_CONFIG",
          message: expect.stringContaining("FACTUALLY_SEARXNG_URL"),
        }),
      );
    }
  });
});
