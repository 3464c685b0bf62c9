import { describe, expect, it } from "vitest";
import { independenceGroup, ownerOfHost, ownerOfPublisher } from "./ownership.js";

describe("ownership groups", () => {
  it("counts pages of bbc.com and bbc.co.uk as one organisation's", () => {
    expect(ownerOfHost("www.bbc.com")).toBe("BBC");
    expect(ownerOfHost("feeds.bbc.co.uk")).toBe("BBC");
    expect(independenceGroup({ id: "a", url: "https://www.bbc.com/news/1" })).toBe(
      independenceGroup({ id: "b", url: "https://www.bbc.co.uk/news/2" }),
    );
  });

  it("knows the examples the data file documents", () => {
    expect(ownerOfHost("nyti.ms")).toBe("The New York Times");
    expect(ownerOfHost("www.instagram.com")).toBe("Meta");
    expect(ownerOfHost("www.thesun.co.uk")).toBe("News Corp");
    expect(ownerOfHost("www.usatoday.com")).toBe("Gannett");
    expect(ownerOfHost("www.unicef.org")).toBe("United Nations");
    expect(ownerOfHost("iris.who.int")).toBe("WHO");
    expect(ownerOfHost("www.example.org")).toBeUndefined();
    // A domain that only ends like a listed one is someone else's.
    expect(ownerOfHost("notbbc.com")).toBeUndefined();
  });

  it("matches listed publisher names case-insensitively, for documents without a URL", () => {
    expect(ownerOfPublisher("bbc news")).toBe("BBC");
    expect(independenceGroup({ id: "c", publisher: "World Health Organization" })).toBe("org:WHO");
  });

  it("prefers the owner of the URL over an unlisted publisher name", () => {
    expect(
      independenceGroup({
        id: "d",
        url: "https://www.wsj.com/a",
        publisher: "Dow Jones Newswires",
      }),
    ).toBe("org:News Corp");
  });

  it("keeps two blogs on one blog host apart", () => {
    expect(independenceGroup({ id: "e", url: "https://alice.blogspot.com/p" })).not.toBe(
      independenceGroup({ id: "f", url: "https://bob.blogspot.com/p" }),
    );
  });
});
