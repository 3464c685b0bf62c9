import { describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import {
  createSearchProviders,
  WEB_SEARCH_PROVIDERS,
  type WebSearchSettings,
} from "./provider-registry.js";

const ALL_KEYS: WebSearchSettings = {
  userAgent: "Factually-test/1 (ops@example.org)",
  searxngUrl: "http://localhost:8888",
  braveApiKey: "brave-key-1",
  tavilyApiKey: "tvly-key-1",
  serperApiKey: "serper-key-1",
  exaApiKey: "exa-key-1",
  googleFactCheckApiKey: "google-key-1",
};

function badConfig(names: string[], settings: WebSearchSettings): FactuallyError {
  try {
    createSearchProviders(names, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(FactuallyError);
    expect((error as FactuallyError).code).toBe("BAD_CONFIG");
    return error as FactuallyError;
  }
  throw new Error("expected BAD_CONFIG");
}

describe("createSearchProviders", () => {
  it("builds every web provider in the order named, skipping the built-in local one", () => {
    const providers = createSearchProviders(["local", ...WEB_SEARCH_PROVIDERS], ALL_KEYS);
    expect(providers.map((p) => p.id)).toEqual([...WEB_SEARCH_PROVIDERS]);
  });

  it("builds a provider named twice once", () => {
    const providers = createSearchProviders(["wikipedia", " Wikipedia ", "brave"], ALL_KEYS);
    expect(providers.map((p) => p.id)).toEqual(["wikipedia", "brave"]);
  });

  it("needs no key for Wikipedia", () => {
    expect(createSearchProviders(["wikipedia"], { userAgent: "Factually-test/1" })).toHaveLength(1);
  });

  it("names the known providers when given an unknown one", () => {
    const error = badConfig(["wikipedia", "bing"], ALL_KEYS);
    expect(error.message).toBe(
      'unknown search provider "bing"; known: local, wikipedia, searxng, brave, tavily, serper, exa, google-fact-check',
    );
  });

  it.each([
    ["searxng", "searxngUrl", "FACTUALLY_SEARXNG_URL"],
    ["brave", "braveApiKey", "BRAVE_API_KEY"],
    ["tavily", "tavilyApiKey", "TAVILY_API_KEY"],
    ["serper", "serperApiKey", "SERPER_API_KEY"],
    ["exa", "exaApiKey", "EXA_API_KEY"],
    ["google-fact-check", "googleFactCheckApiKey", "GOOGLE_FACT_CHECK_API_KEY"],
  ] as const)("names %s's variable when its setting is missing", (name, setting, variable) => {
    for (const value of [undefined, ""]) {
      const error = badConfig([name], { ...ALL_KEYS, [setting]: value });
      expect(error.message).toContain(variable);
      expect(error.target).toBe(variable);
    }
  });

  it("passes base URLs, per-provider HTTP settings and the language through", async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      seen.push(String(input));
      return new Response("{}");
    };
    const [wikipedia, brave] = createSearchProviders(["wikipedia", "brave"], {
      ...ALL_KEYS,
      wikipediaLanguage: "de",
      http: { fetch },
      baseUrls: { brave: "http://127.0.0.1:9/brave" },
    });
    await wikipedia?.search("Maske", { limit: 1 });
    await brave?.search("Maske", { limit: 1 });
    expect(seen[0]).toMatch(/^https:\/\/de\.wikipedia\.org\/w\/api\.php\?/);
    expect(seen[1]).toMatch(/^http:\/\/127\.0\.0\.1:9\/brave\/res\/v1\/web\/search\?/);
  });
});
