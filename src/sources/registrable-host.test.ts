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

  // From the whole Public Suffix List; the hand-kept subset used before tldts got pvt.k12.ma.us,
  // *.sch.uk, the !city.kawasaki.jp exception and ac.at wrong.
  it.each([
    ["foo.bar.pvt.k12.ma.us", "bar.pvt.k12.ma.us"],
    ["www.example.co.uk", "example.co.uk"],
    ["sub.example.com.au", "example.com.au"],
    ["x.github.io", "x.github.io"],
    ["www.school.kent.sch.uk", "school.kent.sch.uk"],
    ["news.example.co.za", "example.co.za"],
    ["city.kawasaki.jp", "city.kawasaki.jp"],
    ["www.lemonde.gouv.fr", "lemonde.gouv.fr"],
    ["app.someone.herokuapp.com", "someone.herokuapp.com"],
    ["data.example.ac.at", "example.ac.at"],
    ["blog.example.com.ng", "example.com.ng"],
    ["www.example.xn--p1ai", "example.xn--p1ai"],
    ["intranet.corp.internal", "corp.internal"],
  ])("%s → %s (from the whole list)", (host, registrable) => {
    expect(registrableHost(host)).toBe(registrable);
  });

  it.each(["10.0.0.1", "::1", "2001:db8::1", "[2001:db8::1]"])(
    "keeps the IP literal %s as it is",
    (ip) => {
      expect(registrableHost(ip)).toBe(ip);
    },
  );
});
