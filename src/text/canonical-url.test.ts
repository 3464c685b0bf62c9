import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url.js";

describe("canonicalUrl", () => {
  it.each([
    ["HTTP://WWW.Example.ORG/a/b/", "https://example.org/a/b"],
    ["https://example.org/", "https://example.org/"],
    ["https://example.org", "https://example.org/"],
    ["https://example.org:443/a", "https://example.org/a"],
    ["http://example.org:80/a", "https://example.org/a"],
    ["http://example.org:443/a", "https://example.org/a"],
    ["https://example.org:8443/a/", "https://example.org:8443/a"],
    ["https://example.org/a#section-2", "https://example.org/a"],
    [
      "https://example.org/a?utm_source=x&UTM_Medium=y&b=2&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=hn&ref_src=twsrc&a=1",
      "https://example.org/a?a=1&b=2",
    ],
    ["https://example.org/a?utm_campaign=z", "https://example.org/a"],
    ["https://example.org/a?", "https://example.org/a"],
    ["https://example.org/a?z=1&a=2&a=1", "https://example.org/a?a=2&a=1&z=1"],
    ["https://www2.example.org/a", "https://www2.example.org/a"],
  ])("%s → %s", (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it("gives the same key for the same page found by different providers", () => {
    const found = [
      "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm?utm_source=brave",
      "http://cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm#methods",
      "https://www.cdc.gov/mmwr/volumes/71/wr/mm7106e1.htm",
    ];
    expect(new Set(found.map(canonicalUrl)).size).toBe(1);
  });

  it("keeps what is not a web address as it was", () => {
    expect(canonicalUrl(" not a url ")).toBe("not a url");
    expect(canonicalUrl("mailto:ops@example.org")).toBe("mailto:ops@example.org");
  });
});
