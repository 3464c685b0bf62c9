import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SerperSearchProvider } from "./serper.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import {
  describeWebProviderContract,
  fixtureText,
  QUERY,
  TEST_KEY,
} from "./web-provider.contract.js";

describeWebProviderContract({
  id: "serper",
  fixture: "serper",
  emptyAnswer: {
    searchParameters: { q: QUERY, type: "search", engine: "google" },
    organic: [],
    credits: 1,
  },
  keyVariable: "SERPER_API_KEY",
  create: (baseUrl, http) => new SerperSearchProvider({ apiKey: TEST_KEY, baseUrl, http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/search");
    expect(request.headers["x-api-key"]).toBe(TEST_KEY);
    expect(JSON.parse(request.body)).toEqual({ q: QUERY, num: limit });
  },
});

describe("Serper search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("maps organic results, reading Google's shown date and skipping relative ones", async () => {
    server.reply({ body: fixtureText("serper") });
    const provider = new SerperSearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    const hits = await provider.search(QUERY, { limit: 3 });
    expect(hits[0]).toEqual({
      providerId: "serper",
      query: QUERY,
      rank: 1,
      score: 1,
      title: "Effectiveness of Face Mask or Respirator Use in Indoor Public Settings",
      url: "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
      snippet:
        "Consistently wearing a face mask or respirator in indoor public settings was associated with lower odds of a positive SARS-CoV-2 test result.",
      publishedAt: "2022-02-11",
    });
    expect(hits.map((hit) => hit.publishedAt)).toEqual(["2022-02-11", undefined, undefined]);
    // People-also-ask and related searches are not results.
    expect(hits.map((hit) => hit.url)).not.toContain("https://www.example.org/masks-faq");
  });

  it("answers no hits when Serper leaves out `organic`", async () => {
    server.reply({ body: { searchParameters: { q: QUERY }, credits: 1 } });
    const provider = new SerperSearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    expect(await provider.search(QUERY, { limit: 3 })).toEqual([]);
  });
});
