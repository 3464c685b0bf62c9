import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

const cwd = mkdtempSync(join(tmpdir(), "factually-web-config-"));
const web = (env: Record<string, string>) => loadConfig({ cwd, env }).web;
const badConfig = (target: string, message: RegExp) =>
  expect.objectContaining({ code: "BAD_CONFIG", target, message: expect.stringMatching(message) });

describe("web configuration", () => {
  it("searches the corpus alone by default, reads pages politely", () => {
    expect(web({})).toEqual({
      search: ["local"],
      wikipediaLanguage: "en",
      keys: {},
      userAgent: expect.stringMatching(/^Factually\//),
      maxBytes: 5 * 1024 * 1024,
      fetchTimeoutMs: 15_000,
      robots: true,
      allowDomains: [],
      denyDomains: [],
      allowLoopback: false,
    });
  });

  it("reads providers, keys, caps and the source policy from the environment", () => {
    const config = web({
      FACTUALLY_SEARCH: "local, wikipedia,searxng,brave,google-fact-check,wikipedia",
      FACTUALLY_SEARXNG_URL: "http://localhost:8888/",
      BRAVE_API_KEY: "b-key",
      GOOGLE_FACT_CHECK_API_KEY: "g-key",
      FACTUALLY_FETCH_MAX_BYTES: "100000",
      FACTUALLY_ROBOTS: "false",
      FACTUALLY_ALLOW_DOMAINS: "who.int,*.gov.uk",
      FACTUALLY_DENY_DOMAINS: "example.com",
      FACTUALLY_SOURCE_NOTES: "notes.json",
    });
    expect(config).toMatchObject({
      search: ["local", "wikipedia", "searxng", "brave", "google-fact-check"],
      searxngUrl: "http://localhost:8888",
      keys: { brave: "b-key", "google-fact-check": "g-key" },
      maxBytes: 100_000,
      robots: false,
      allowDomains: ["who.int", "*.gov.uk"],
      denyDomains: ["example.com"],
      sourceNotes: join(cwd, "notes.json"),
    });
  });

  it("names what is missing or wrong", () => {
    expect(() => web({ FACTUALLY_SEARCH: "local,bing" })).toThrow(
      badConfig("FACTUALLY_SEARCH", /unknown providers \(bing\)/),
    );
    expect(() => web({ FACTUALLY_SEARCH: "searxng" })).toThrow(
      badConfig("FACTUALLY_SEARXNG_URL", /json in search\.formats/),
    );
    expect(() => web({ FACTUALLY_SEARCH: "brave" })).toThrow(
      badConfig("BRAVE_API_KEY", /needs BRAVE_API_KEY/),
    );
    expect(() => web({ FACTUALLY_SEARCH: "exa" })).toThrow(badConfig("EXA_API_KEY", /EXA_API_KEY/));
    expect(() => web({ FACTUALLY_DENY_DOMAINS: "http://x.org" })).toThrow(
      badConfig("FACTUALLY_DENY_DOMAINS", /is not a domain/),
    );
    expect(() => web({ FACTUALLY_FETCH_MAX_BYTES: "10" })).toThrow(
      badConfig("FACTUALLY_FETCH_MAX_BYTES", /not valid/),
    );
  });

  it("reads the config file's web object, never a key from it", () => {
    const dir = mkdtempSync(join(tmpdir(), "factually-web-file-"));
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({
        web: { search: ["local", "wikipedia"], sourceNotes: "my-notes.json", robots: false },
      }),
    );
    expect(loadConfig({ cwd: dir, env: {} }).web).toMatchObject({
      search: ["local", "wikipedia"],
      sourceNotes: join(dir, "my-notes.json"),
      robots: false,
    });
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({ web: { braveApiKey: "x" } }),
    );
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(
      expect.objectContaining({ code: "BAD_CONFIG" }),
    );
  });

  it("reads each provider's requests a minute, one number for all or provider=number pairs", () => {
    expect(web({}).perMinute).toBeUndefined();
    expect(web({ FACTUALLY_SEARCH_PER_MINUTE: "brave=60, serper=300" }).perMinute).toEqual({
      brave: 60,
      serper: 300,
    });
    expect(web({ FACTUALLY_SEARCH_PER_MINUTE: "30" }).perMinute).toMatchObject({
      wikipedia: 30,
      brave: 30,
      "google-fact-check": 30,
    });
    for (const [bad, why] of [
      ["bing=60", /"bing" is not a web search provider/],
      ["brave=fast", /the rate of brave is not a whole number/],
      ["0", /the rate is not a whole number/],
      ["local=5", /"local" is not a web search provider/],
    ] as const) {
      expect(() => web({ FACTUALLY_SEARCH_PER_MINUTE: bad })).toThrow(
        badConfig("FACTUALLY_SEARCH_PER_MINUTE", why),
      );
    }
    const dir = mkdtempSync(join(tmpdir(), "factually-web-rates-"));
    writeFileSync(
      join(dir, "factually.config.json"),
      JSON.stringify({ web: { perMinute: { brave: 60 } } }),
    );
    expect(loadConfig({ cwd: dir, env: {} }).web.perMinute).toEqual({ brave: 60 });
  });
});
