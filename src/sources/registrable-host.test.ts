import { describe, expect, it } from "vitest";
import { registrableHost } from "./registrable-host.js";

describe("registrableHost", () => {
  it.each([
    ["www.example.com", "example.com"],
    ["news.example.com", "example.com"],
    ["www.bbc.co.uk", "bbc.co.uk"],
    ["feeds.bbc.co.uk", "bbc.co.uk"],
    ["www.ons.gov.uk", "ons.gov.uk"],
    ["www.ox.ac.uk", "ox.ac.uk"],
    ["www.redcross.org.uk", "redcross.org.uk"],
    ["www.abc.net.au", "abc.net.au"],
    ["www.smh.com.au", "smh.com.au"],
    ["www.asahi.co.jp", "asahi.co.jp"],
    ["www.mhlw.go.jp", "mhlw.go.jp"],
    ["g1.globo.com.br", "globo.com.br"],
    ["www.stats.govt.nz", "stats.govt.nz"],
    ["www.gov.uk", "gov.uk"],
    ["someone.blogspot.com", "someone.blogspot.com"],
    ["someone.github.io", "someone.github.io"],
    ["127.0.0.1", "127.0.0.1"],
    ["localhost", "localhost"],
    ["Example.COM.", "example.com"],
  ])("%s → %s", (host, registrable) => {
    expect(registrableHost(host)).toBe(registrable);
  });
});
