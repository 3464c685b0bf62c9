import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExaSearchProvider } from "./exa.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import {
  describeWebProviderContract,
  fixtureText,
  QUERY,
  TEST_KEY,
} from "./web-provider.contract.js";

describeWebProviderContract({
  id: "exa",
  fixture: "exa",
  emptyAnswer: { requestId: "0e5a7c5f", resolvedSearchType: "neural", results: [] },
  keyVariable: "EXA_API_KEY",
  create: (baseUrl, http) => new ExaSearchProvider({ apiKey: TEST_KEY, baseUrl, http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/search");
    expect(request.headers["x-api-key"]).toBe(TEST_KEY);
    expect(JSON.parse(request.body)).toEqual({
      query: QUERY,
      numResults: limit,
      contents: { text: { maxCharacters: 1000 } },
    });
  },
});

describe("Exa search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("keeps Exa's score and date, and falls back to the address for a missing title", async () => {
    server.reply({ body: fixtureText("exa") });
    const provider = new ExaSearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    const hits = await provider.search(QUERY, { limit: 3 });
    expect(hits[0]).toEqual({
      providerId: "exa",
      query: QUERY,
      rank: 1,
      score: 0.2198,
      title: "Effectiveness of Face Mask or Respirator Use in Indoor Public Settings",
      url: "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
      snippet:
        "Consistently wearing a face mask or respirator in indoor public settings was associated with lower odds of a positive SARS-CoV-2 test result.",
      publishedAt: "2022-02-11T00:00:00.000Z",
    });
    expect(hits[2]).toMatchObject({
      title: "https://en.wikipedia.org/wiki/Face_masks_during_the_COVID-19_pandemic",
      score: 0.1932,
    });
    expect(hits[2]?.publishedAt).toBeUndefined();
  });

  it("drops a malformed result instead of failing the search", async () => {
    server.reply({
      body: {
        results: [{ title: "no address" }, { url: "https://example.org/a", title: "A", text: "a" }],
      },
    });
    const provider = new ExaSearchProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
    const hits = await provider.search(QUERY, { limit: 3 });
    expect(hits.map((hit) => [hit.rank, hit.url])).toEqual([[1, "https://example.org/a"]]);
  });
});
