import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FactuallyError } from "../../core/errors.js";
import { type LoopbackServer, startLoopbackServer } from "./testing/loopback-server.js";
import { describeWebProviderContract, fixtureText, QUERY } from "./web-provider.contract.js";
import { WikipediaSearchProvider } from "./wikipedia.js";

const USER_AGENT = "Factually-test/0.1 (https://example.org/factually; ops@example.org)";

describeWebProviderContract({
  id: "wikipedia",
  fixture: "wikipedia",
  emptyAnswer: { batchcomplete: true, query: { searchinfo: { totalhits: 0 }, search: [] } },
  create: (baseUrl, http) => new WikipediaSearchProvider({ userAgent: USER_AGENT, baseUrl, http }),
  expectRequest(request, limit) {
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/w/api.php");
    expect(Object.fromEntries(request.query)).toEqual({
      action: "query",
      list: "search",
      srsearch: QUERY,
      srlimit: String(limit),
      srprop: "snippet|timestamp",
      format: "json",
      formatversion: "2",
      utf8: "1",
    });
    expect(request.headers["user-agent"]).toBe(USER_AGENT);
  },
});

describe("Wikipedia search", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it("links each hit to its article and strips the search-match markup", async () => {
    server.reply({ body: fixtureText("wikipedia") });
    const provider = new WikipediaSearchProvider({
      userAgent: USER_AGENT,
      baseUrl: server.baseUrl,
    });
    const [first] = await provider.search(QUERY, { limit: 1 });
    expect(first).toEqual({
      providerId: "wikipedia",
      query: QUERY,
      rank: 1,
      score: 1,
      title: "Face masks during the COVID-19 pandemic",
      url: `${server.baseUrl}/wiki/Face_masks_during_the_COVID-19_pandemic`,
      snippet:
        'Face masks, or cloth face coverings, were recommended by health agencies & governments to reduce "community transmission"',
      publishedAt: "2024-11-02T17:41:09Z",
      publisher: "Wikipedia",
    });
  });

  it("keeps article addresses as Wikipedia writes them", async () => {
    server.reply({
      body: { query: { search: [{ ns: 0, title: "AC/DC (band): Café, 100%?", snippet: "" }] } },
    });
    const provider = new WikipediaSearchProvider({
      userAgent: USER_AGENT,
      baseUrl: server.baseUrl,
    });
    const [hit] = await provider.search("acdc", { limit: 1 });
    expect(hit?.url).toBe(`${server.baseUrl}/wiki/AC/DC_(band):_Caf%C3%A9,_100%25%3F`);
  });

  it("defaults to the language's own Wikipedia", () => {
    expect(
      () => new WikipediaSearchProvider({ userAgent: USER_AGENT, language: "de" }),
    ).not.toThrow();
  });

  it("reports an API error that comes with HTTP 200", async () => {
    server.reply({ body: { error: { code: "maxlag", info: "Waiting for a database server" } } });
    const provider = new WikipediaSearchProvider({
      userAgent: USER_AGENT,
      baseUrl: server.baseUrl,
    });
    await expect(provider.search(QUERY, { limit: 3 })).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      message: expect.stringMatching(/^wikipedia: the API refused the search \(maxlag: Waiting/),
    });
  });

  it("refuses a language that is not a language code, and a missing User-Agent", () => {
    for (const language of ["en.evil.example", "EN", "", "e"]) {
      expect(() => new WikipediaSearchProvider({ userAgent: USER_AGENT, language })).toThrow(
        expect.objectContaining({ code: "BAD_CONFIG" }) as unknown as FactuallyError,
      );
    }
    expect(() => new WikipediaSearchProvider({ userAgent: " " })).toThrow(/FACTUALLY_USER_AGENT/);
  });
});
