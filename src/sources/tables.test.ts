// The shipped data files stay consistent as people extend them.
import { describe, expect, it } from "vitest";
import { domainListFor, domainLists } from "./domain-lists.js";
import notes from "./tables/credibility-notes.json" with { type: "json" };
import ownership from "./tables/ownership.json" with { type: "json" };

describe("the shipped data files", () => {
  it("list each domain pattern once, so its profile is unambiguous", () => {
    const all = domainLists().lists.flatMap((l) => l.domains);
    expect(all.filter((d, i) => all.indexOf(d) !== i)).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  });

  it("put each domain in at most one ownership group", () => {
    const all = ownership.groups.flatMap((g) => g.domains);
    expect(all.filter((d, i) => all.indexOf(d) !== i)).toEqual([]);
  });

  it("give a note only to lower-case domains, as one sentence", () => {
    for (const [domain, note] of Object.entries(notes)) {
      if (domain.startsWith("$")) continue;
      expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(note.length).toBeLessThanOrEqual(300);
      expect(note).toMatch(/\.$/);
    }
  });

  it("let the most specific pattern decide", () => {
    expect(domainListFor("pubmed.ncbi.nlm.nih.gov")?.name).toBe("academic-publishers");
    expect(domainListFor("www.nih.gov")?.name).toBe("government");
    expect(domainListFor("plato.stanford.edu")?.name).toBe("reference");
    expect(domainListFor("www.example.org")).toBeUndefined();
  });
});
