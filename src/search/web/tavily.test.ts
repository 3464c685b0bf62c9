import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TavilySearchProvider } from "./tavily.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import {
  describeWebProviderContract,
  fixtureText,
  QUERY,
  TEST_KEY,
} from "./web-provider.contract.js";

describeWebProviderContract({
  id: "tavily",
  fixture: "tavily",
  emptyAnswer: { query: QUERY, answer: null, images: [], results: [], response_time: 0.4 },
  keyVariable: "TAVILY_API_KEY",
  create: (baseUrl, http) => new TavilySearchProvider({ apiKey: TEST_KEY, baseUrl, http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/search");
    expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({
      query: QUERY,
      max_results: limit,
      search_depth: "basic",
    });
  },
});

describe("Tavily search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("keeps Tavily's score and its news date", async () => {
    server.reply({ body: fixtureText("tavily") });
    const provider = new TavilySearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    const hits = await provider.search(QUERY, { limit: 3 });
    expect(hits[0]).toEqual({
      providerId: "tavily",
      query: QUERY,
      rank: 1,
      score: 0.91,
      title: "Effectiveness of Face Mask or Respirator Use in Indoor Public Settings",
      url: "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
      snippet:
        "Consistently wearing a face mask or respirator in indoor public settings was associated with lower odds of a positive SARS-CoV-2 test result.",
      publishedAt: "2022-02-11T00:00:00Z",
    });
    expect(hits.map((hit) => hit.score)).toEqual([0.91, 0.84, 0.62]);
  });

  it("asks for at most the 20 results Tavily allows", async () => {
    server.reply({ body: { results: [] } });
    const provider = new TavilySearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    await provider.search(QUERY, { limit: 40 });
    expect(JSON.parse(server.requests[0]?.body ?? "{}")).toMatchObject({ max_results: 20 });
  });
});
