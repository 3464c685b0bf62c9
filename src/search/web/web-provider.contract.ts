// The behaviour every web search provider must show, as one suite each provider runs on itself
// against a loopback server serving its documented answer.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FactuallyError } from "../../core/errors.js";
import type { SearchProvider } from "../../core/interfaces/search-provider.js";
import { SearchHit } from "../../core/schema/search-hit.js";
import type { ProviderHttpOptions } from "./provider-http.js";
import {
  type LoopbackServer,
  type RecordedRequest,
  startLoopbackServer,
} from "./testing/loopback-server.js";

/** A key no message may ever contain. */
export const TEST_KEY = "sk-test-9f86d081884c7d659a2feaa0c55ad015";
export const QUERY = "face masks covid transmission";

export interface WebProviderCase {
  /** The provider id. */
  id: string;
  /** Its answer with three results, as `fixtures/<id>.json`. */
  fixture: string;
  /** Its documented answer when nothing was found. */
  emptyAnswer: object;
  /** The provider, pointed at `baseUrl`, with `TEST_KEY` as its key when it has one. */
  create(baseUrl: string, http: ProviderHttpOptions): SearchProvider;
  /** What the server must have received for `search(QUERY, { limit })`. */
  expectRequest(request: RecordedRequest, limit: number): void;
  /** The environment variable named on a 401, for providers with a key. */
  keyVariable?: string;
}

/** The whole fixture as served: exactly the file's bytes. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
}

// Small numbers so failures are quick; Retry-After 0 keeps retries from sleeping.
const FAST: ProviderHttpOptions = { timeoutMs: 200, retries: 1 };
const JSON_TYPE = { "content-type": "application/json" };

async function failure(promise: Promise<unknown>): Promise<FactuallyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FactuallyError);
  const factuallyError = error as FactuallyError;
  expect(factuallyError.message).not.toContain(TEST_KEY);
  expect(String(factuallyError.target ?? "")).not.toContain(TEST_KEY);
  return factuallyError;
}

/** Runs the web provider contract for one provider. */
export function describeWebProviderContract(c: WebProviderCase): void {
  describe(`${c.id} (web provider contract)`, () => {
    let server: LoopbackServer;
    let provider: SearchProvider;
    beforeEach(async () => {
      server = await startLoopbackServer();
      provider = c.create(server.baseUrl, FAST);
    });
    afterEach(() => server.close());

    it("turns the documented answer into valid hits ranked from 1, at most `limit`", async () => {
      server.reply({ body: fixtureText(c.fixture), headers: JSON_TYPE });
      const hits = await provider.search(QUERY, { limit: 2 });
      expect(hits).toHaveLength(2);
      hits.forEach((hit, i) => {
        expect(SearchHit.parse(hit)).toEqual(hit);
        expect(hit).toMatchObject({ providerId: c.id, query: QUERY, rank: i + 1 });
        expect(hit.url).toMatch(/^https?:\/\//);
        expect(hit.title).not.toMatch(/<[a-z]|&[a-z#0-9]+;/i);
        expect(hit.snippet).not.toMatch(/<[a-z]|&[a-z#0-9]+;|\s{2}/i);
      });
      expect(provider.id).toBe(c.id);
    });

    it("sends the documented request", async () => {
      server.reply({ body: fixtureText(c.fixture), headers: JSON_TYPE });
      await provider.search(QUERY, { limit: 2 });
      expect(server.requests).toHaveLength(1);
      c.expectRequest(server.requests[0] as RecordedRequest, 2);
    });

    it("answers no hits when the provider found nothing", async () => {
      server.reply({ body: c.emptyAnswer });
      expect(await provider.search(QUERY, { limit: 5 })).toEqual([]);
    });

    it("does not ask the provider for an empty query or no hits", async () => {
      expect(await provider.search("  ", { limit: 5 })).toEqual([]);
      expect(await provider.search(QUERY, { limit: 0 })).toEqual([]);
      expect(server.requests).toHaveLength(0);
    });

    it("retries after a 429, when Retry-After says, and then succeeds", async () => {
      server.reply(
        { status: 429, headers: { "retry-after": "0" }, body: { error: "slow down" } },
        { body: fixtureText(c.fixture), headers: JSON_TYPE },
      );
      const hits = await provider.search(QUERY, { limit: 3 });
      expect(hits).toHaveLength(3);
      expect(server.requests).toHaveLength(2);
    });

    it("fails with PROVIDER_FAILED after the configured retries when the server keeps failing", async () => {
      server.reply({ status: 500, headers: { "retry-after": "0" }, body: "upstream exploded" });
      const error = await failure(provider.search(QUERY, { limit: 3 }));
      expect(error.code).toBe("PROVIDER_FAILED");
      expect(error.message).toMatch(new RegExp(`^${c.id}: HTTP 500 \\(upstream exploded\\)`));
      expect(error.message).toMatch(/after 2 attempts; .*try again later/);
      expect(error.isRetryable).toBe(true);
      expect(server.requests).toHaveLength(2);
    });

    it("gives up at the timeout when the provider does not answer", async () => {
      server.reply({ hang: true });
      const error = await failure(provider.search(QUERY, { limit: 3 }));
      expect(error.code).toBe("PROVIDER_FAILED");
      expect(error.message).toMatch(/no answer within 200 ms/);
      // A provider that did not answer in time is not asked again.
      expect(server.requests).toHaveLength(1);
    });

    it("says the answer is not JSON when it is not", async () => {
      server.reply({
        body: "<html><body>Bad gateway</body></html>",
        headers: { "content-type": "text/html" },
      });
      const error = await failure(provider.search(QUERY, { limit: 3 }));
      expect(error.code).toBe("PROVIDER_FAILED");
      expect(error.message).toMatch(
        new RegExp(`^${c.id}: the answer is not valid JSON \\(text/html`),
      );
    });

    it("fails clearly when the JSON is not the documented shape", async () => {
      server.reply({ body: [1, 2, 3] });
      const error = await failure(provider.search(QUERY, { limit: 3 }));
      expect(error.code).toBe("PROVIDER_FAILED");
      expect(error.message).toMatch(/does not have the documented shape/);
    });

    it("stops with ABORTED when the caller cancels", async () => {
      server.reply({ hang: true });
      const controller = new AbortController();
      const search = provider.search(QUERY, { limit: 3, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const error = await failure(search);
      expect(error.code).toBe("ABORTED");
    });

    it("names what to check on a 401, without repeating the key", async () => {
      // Some services quote the key they refused; it must not reach the message.
      const said = c.keyVariable ? `invalid key ${TEST_KEY}` : "unauthorized";
      server.reply({ status: 401, body: { error: said } });
      const error = await failure(provider.search(QUERY, { limit: 3 }));
      expect(error.code).toBe("PROVIDER_FAILED");
      expect(error.message).toMatch(new RegExp(`^${c.id}: HTTP 401`));
      if (c.keyVariable) expect(error.message).toContain(`check ${c.keyVariable}`);
      expect(server.requests).toHaveLength(1);
    });
  });
}
