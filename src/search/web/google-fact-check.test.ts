import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PriorFactCheck } from "../../core/schema/search-hit.js";
import { GoogleFactCheckProvider } from "./google-fact-check.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import {
  describeWebProviderContract,
  fixtureText,
  QUERY,
  TEST_KEY,
} from "./web-provider.contract.js";

describeWebProviderContract({
  id: "google-fact-check",
  fixture: "google-fact-check",
  // The documented answer to a search that matched nothing is an empty object.
  emptyAnswer: {},
  keyVariable: "GOOGLE_FACT_CHECK_API_KEY",
  create: (baseUrl, http) =>
    new GoogleFactCheckProvider({ apiKey: TEST_KEY, baseUrl, languageCode: "en", http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/v1alpha1/claims:search");
    expect(Object.fromEntries(request.query)).toEqual({
      query: QUERY,
      languageCode: "en",
      pageSize: String(limit),
      key: TEST_KEY,
    });
  },
});

describe("Google Fact Check search", () => {
  let server: LoopbackServer;
  let provider: GoogleFactCheckProvider;
  beforeEach(async () => {
    server = await startLoopbackServer();
    provider = new GoogleFactCheckProvider({ apiKey: TEST_KEY, baseUrl: server.baseUrl });
  });
  afterEach(() => server.close());

  it("turns every review of every claim into a hit that carries the earlier fact-check", async () => {
    server.reply({ body: fixtureText("google-fact-check") });
    const hits = await provider.search(QUERY, { limit: 10 });
    expect(hits).toHaveLength(3);
    expect(hits[0]).toEqual({
      providerId: "google-fact-check",
      query: QUERY,
      rank: 1,
      score: 1,
      title: "Cochrane review doesn't prove masks don't work",
      url: "https://www.politifact.com/factchecks/2023/feb/06/instagram-posts/masks-cochrane-review/",
      snippet:
        'Social media users: "Face masks do not reduce the spread of COVID-19" — rated "Mostly False" by PolitiFact',
      publishedAt: "2023-02-06T00:00:00Z",
      publisher: "PolitiFact",
      factCheck: {
        publisher: "PolitiFact",
        publisherSite: "politifact.com",
        rating: "Mostly False",
        reviewedAt: "2023-02-06T00:00:00Z",
        url: "https://www.politifact.com/factchecks/2023/feb/06/instagram-posts/masks-cochrane-review/",
        claimReviewed: "Face masks do not reduce the spread of COVID-19",
        claimant: "Social media users",
        language: "en",
      },
    });
    for (const hit of hits) expect(PriorFactCheck.parse(hit.factCheck)).toEqual(hit.factCheck);
  });

  it("names an untitled review after its publisher and rating, and a nameless publisher after its site", async () => {
    server.reply({ body: fixtureText("google-fact-check") });
    const [, second, third] = await provider.search(QUERY, { limit: 10 });
    expect(second).toMatchObject({ title: "Full Fact: Misleading", publisher: "Full Fact" });
    expect(third).toMatchObject({
      title: "Masks do not lower blood oxygen levels in healthy people",
      snippet:
        '"Wearing a mask lowers your oxygen levels" — rated "Incorrect" by healthfeedback.org',
      publishedAt: "2020-07-10",
      factCheck: { publisher: "healthfeedback.org", publisherSite: "healthfeedback.org" },
    });
    expect(third?.factCheck?.claimant).toBeUndefined();
  });

  it("returns at most `limit` reviews even when claims have several", async () => {
    server.reply({ body: fixtureText("google-fact-check") });
    const hits = await provider.search(QUERY, { limit: 2 });
    expect(hits.map((hit) => hit.factCheck?.publisher)).toEqual(["PolitiFact", "Full Fact"]);
  });

  it("keeps the key, which Google takes in the query, out of a failure's message", async () => {
    server.reply({
      status: 400,
      body: {
        error: {
          code: 400,
          message: `API key not valid. Please pass a valid API key. (key=${TEST_KEY})`,
          status: "INVALID_ARGUMENT",
        },
      },
    });
    const error = await provider.search(QUERY, { limit: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROVIDER_FAILED" });
    const message = (error as Error).message;
    expect(message).toMatch(/^google-fact-check: HTTP 400 \(.*API key not valid/);
    expect(message).toContain("check GOOGLE_FACT_CHECK_API_KEY");
    expect(message).not.toContain(TEST_KEY);
    expect(message).toContain("[redacted]");
  });
});
