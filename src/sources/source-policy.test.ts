import { describe, expect, it } from "vitest";
import type { Document } from "../core/schema/document.js";
import type { PriorFactCheck, SearchHit } from "../core/schema/search-hit.js";
import { createSourcePolicy } from "./source-policy.js";

const hit = (url: string | undefined, extra: Partial<SearchHit> = {}): SearchHit => ({
  providerId: "test",
  query: "q",
  rank: 1,
  score: 1,
  title: "A hit",
  snippet: "",
  ...(url ? { url } : { documentId: "corpus-1" }),
  ...extra,
});
const doc = (url: string | undefined, extra: Partial<Document> = {}): Document => ({
  id: "d",
  title: "A page",
  text: "x",
  ...(url ? { url } : {}),
  metadata: {},
  contentHash: "0".repeat(64),
  ingestedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});
const factCheck = (reviewedAt?: string): PriorFactCheck => ({
  publisher: "PolitiFact",
  rating: "False",
  url: "https://www.politifact.com/factchecks/x/",
  ...(reviewedAt ? { reviewedAt } : {}),
});

describe("createSourcePolicy", () => {
  it("admits everything without options", () => {
    const policy = createSourcePolicy();
    expect(policy.admitsHit(hit("https://anything.example/a"))).toBe(true);
    expect(policy.admitsDocument(doc(undefined))).toEqual({ ok: true });
    expect(policy.description).toBe("none");
  });

  it("denies a domain and its subdomains, not look-alikes", () => {
    const policy = createSourcePolicy({ deny: ["example.com"] });
    expect(policy.admitsHit(hit("https://example.com/a"))).toBe(false);
    expect(policy.admitsHit(hit("https://news.example.com/a"))).toBe(false);
    expect(policy.admitsHit(hit("https://notexample.com/a"))).toBe(true);
    expect(policy.admitsDocument(doc("https://www.example.com/a"))).toEqual({
      ok: false,
      reason: "www.example.com is on the deny list",
    });
  });

  it("admits only allowed domains when there is an allow list", () => {
    const policy = createSourcePolicy({ allow: ["who.int", "Nature.com"] });
    expect(policy.admitsHit(hit("https://www.who.int/news"))).toBe(true);
    expect(policy.admitsHit(hit("https://www.nature.com/articles/x"))).toBe(true);
    expect(policy.admitsHit(hit("https://www.example.org/"))).toBe(false);
    expect(policy.admitsDocument(doc("https://www.example.org/"))).toEqual({
      ok: false,
      reason: "www.example.org is not on the allow list",
    });
  });

  it("reads *.example.org as its subdomains only", () => {
    const policy = createSourcePolicy({ deny: ["*.example.org"] });
    expect(policy.admitsHit(hit("https://blog.example.org/a"))).toBe(false);
    expect(policy.admitsHit(hit("https://example.org/a"))).toBe(true);
    const allowSubs = createSourcePolicy({ allow: ["*.example.org"] });
    expect(allowSubs.admitsHit(hit("https://a.b.example.org/a"))).toBe(true);
    expect(allowSubs.admitsHit(hit("https://example.org/a"))).toBe(false);
  });

  it("lets deny win over allow", () => {
    const policy = createSourcePolicy({ allow: ["example.org"], deny: ["ads.example.org"] });
    expect(policy.admitsHit(hit("https://www.example.org/a"))).toBe(true);
    expect(policy.admitsHit(hit("https://ads.example.org/a"))).toBe(false);
    expect(policy.description).toBe("allow:example.org;deny:ads.example.org");
  });

  it("always admits corpus hits and documents, which have no URL", () => {
    const policy = createSourcePolicy({ allow: ["who.int"], deny: ["example.com"] });
    expect(policy.admitsHit(hit(undefined))).toBe(true);
    expect(policy.admitsDocument(doc(undefined))).toEqual({ ok: true });
  });

  it("excludes what was published after the as-of date and keeps what is undated, with a note", () => {
    const policy = createSourcePolicy({ asOf: "2024-01-01" });
    expect(policy.description).toBe("as-of:2024-01-01");
    expect(policy.admitsHit(hit("https://a.example/", { publishedAt: "2024-01-02" }))).toBe(false);
    expect(
      policy.admitsHit(hit("https://a.example/", { publishedAt: "2024-01-01T23:00:00-05:00" })),
    ).toBe(true);
    expect(policy.admitsHit(hit("https://a.example/"))).toBe(true);
    expect(policy.admitsDocument(doc("https://a.example/", { publishedAt: "2024-03-05" }))).toEqual(
      { ok: false, reason: "published 2024-03-05, after the as-of date 2024-01-01" },
    );
    expect(policy.admitsDocument(doc(undefined, { publishedAt: "2023-12-31" }))).toEqual({
      ok: true,
    });
    expect(policy.admitsDocument(doc("https://a.example/"))).toEqual({
      ok: true,
      note: '"A page" is undated, so it may postdate 2024-01-01',
    });
  });

  it("excludes an earlier fact-check reviewed after the as-of date", () => {
    const policy = createSourcePolicy({ asOf: "2024-01-01" });
    expect(
      policy.admitsHit(
        hit("https://www.politifact.com/x/", { factCheck: factCheck("2024-02-01") }),
      ),
    ).toBe(false);
    expect(
      policy.admitsHit(
        hit("https://www.politifact.com/x/", { factCheck: factCheck("2023-02-01") }),
      ),
    ).toBe(true);
    expect(policy.admitsHit(hit("https://www.politifact.com/x/", { factCheck: factCheck() }))).toBe(
      true,
    );
    expect(
      policy.admitsDocument(
        doc("https://www.politifact.com/x/", { publishedAt: "2023-12-01" }),
        factCheck("2024-02-01T10:00:00Z"),
      ),
    ).toEqual({ ok: false, reason: "fact-checked 2024-02-01, after the as-of date 2024-01-01" });
  });

  it("rejects entries that are not domains and dates that are not days, as BAD_CONFIG", () => {
    for (const options of [
      { deny: ["https://example.com/path"] },
      { allow: ["example"] },
      { allow: ["exa mple.com"] },
      { asOf: "2024-02-30" },
      { asOf: "yesterday" },
    ]) {
      expect(() => createSourcePolicy(options), JSON.stringify(options)).toThrowError(
        expect.objectContaining({ code: "BAD_CONFIG" }),
      );
    }
  });
});
