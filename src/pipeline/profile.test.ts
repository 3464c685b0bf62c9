import { describe, expect, it } from "vitest";
import type { Document } from "../core/schema/document.js";
import type { SourceProfile } from "../core/schema/source.js";
import { independenceGroupOf, profileOf } from "./profile.js";

const doc = (url: string | undefined, extra: Partial<Document> = {}): Document => ({
  id: url ?? "corpus-doc",
  title: "t",
  text: "x",
  ...(url ? { url } : {}),
  metadata: {},
  contentHash: "0".repeat(64),
  ingestedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

const BY_URL: Array<[string, SourceProfile]> = [
  // Governments, statistics offices and intergovernmental bodies.
  ["https://www.cdc.gov/flu/prevent/index.html", "official"],
  ["https://www.ons.gov.uk/economy/inflationandpriceindices", "official"],
  ["https://www.abs.gov.au/statistics/people/population", "official"],
  ["https://www.service-public.gouv.fr/particuliers/vosdroits/F1234", "official"],
  ["https://www.inegi.org.mx/temas/empleo/", "official"],
  ["https://www.gob.mx/salud/documentos/informe", "official"],
  ["https://www.mhlw.go.jp/english/policy/health/index.html", "official"],
  ["https://www.canada.ca/en/public-health.html", "official"],
  ["https://www.destatis.de/EN/Themes/Society-Environment/Population/_node.html", "official"],
  ["https://www.who.int/europe/home", "official"],
  ["https://www.who.int/news-room/fact-sheets/detail/malaria", "official"],
  ["https://ec.europa.eu/eurostat/web/main/data/database", "official"],
  ["https://data.worldbank.org/indicator/SP.POP.TOTL", "official"],
  // Their press offices.
  ["https://www.who.int/news/item/01-01-2024-statement", "press-release"],
  ["https://www.gov.uk/government/news/new-funding-announced", "press-release"],
  ["https://news.un.org/en/story/2024/01/1145000", "press-release"],
  ["https://www.fda.gov/news-events/press-announcements/fda-approves-drug", "press-release"],
  ["https://www.cdc.gov/media/releases/2024/p0101.html", "press-release"],
  ["https://ec.europa.eu/commission/presscorner/detail/en/ip_24_1", "press-release"],
  ["https://www.pfizer.com/news/press-release/press-release-detail/results", "press-release"],
  ["https://www.example.com/newsroom/mask-success", "press-release"],
  ["https://www.bbc.co.uk/mediacentre/2024/new-season", "press-release"],
  ["https://www.prnewswire.com/news-releases/acme-launches-301.html", "press-release"],
  ["https://www.eurekalert.org/news-releases/1000001", "press-release"],
  ["https://news.mit.edu/2024/new-battery-0101", "press-release"],
  // News, in several countries, and fact-checkers.
  ["https://www.bbc.com/news/world-europe-12345678", "news"],
  ["https://www.reuters.com/world/europe/story-2024-01-01/", "news"],
  ["https://www.lemonde.fr/planete/article/2024/01/01/titre_1.html", "news"],
  ["https://www.abc.net.au/news/2024-01-01/story/1000", "news"],
  ["https://abcnews.go.com/Health/story?id=1", "news"],
  ["https://www3.nhk.or.jp/nhkworld/en/news/20240101_01/", "news"],
  ["https://www.politifact.com/factchecks/2024/jan/01/claim/", "news"],
  // Scholarship.
  ["https://doi.org/10.1056/NEJMoa2034577", "academic"],
  ["https://pubmed.ncbi.nlm.nih.gov/33301246/", "academic"],
  ["https://www.medrxiv.org/content/10.1101/2020.01.01.20000001v1", "academic"],
  ["https://www.nature.com/articles/s41586-020-2012-7", "academic"],
  ["https://www.ox.ac.uk/research/research-impact", "academic"],
  ["https://www.cs.stanford.edu/people/someone/paper.pdf", "academic"],
  ["https://www.ethz.ch/en/research.html", "academic"],
  // Reference works, which beat the academic domain they sit on.
  ["https://en.wikipedia.org/wiki/Influenza", "reference"],
  ["https://www.britannica.com/science/influenza", "reference"],
  ["https://plato.stanford.edu/entries/truth/", "reference"],
  ["https://dictionary.cambridge.org/dictionary/english/hoax", "reference"],
  // Blogs and social media.
  ["https://someone.substack.com/p/a-post", "blog"],
  ["https://medium.com/@writer/a-story-123abc", "blog"],
  ["https://someone.github.io/notes/", "blog"],
  ["https://www.youtube.com/watch?v=abc", "social"],
  ["https://x.com/someone/status/1234567890", "social"],
  ["https://www.tiktok.com/@someone/video/123", "social"],
  ["https://bsky.app/profile/someone.bsky.social/post/3k", "social"],
  ["https://mastodon.example.org/@someone/109876543210", "social"],
  ["https://social.example.net/@someone/109876543210987", "social"],
  ["https://www.reddit.com/r/science/comments/abc/title/", "social"],
  // Nothing known.
  ["https://www.example.org/masks-trial", "unknown"],
  ["https://www.some-local-paper.example/news/council-meeting", "unknown"],
];

describe("profileOf", () => {
  it.each(BY_URL)("profiles %s as %s", (url, profile) => {
    expect(profileOf(doc(url))).toBe(profile);
  });

  it("takes an explicit metadata.profile over everything else", () => {
    expect(profileOf(doc("https://www.bbc.com/news/x", { metadata: { profile: "blog" } }))).toBe(
      "blog",
    );
    expect(profileOf(doc(undefined, { metadata: { profile: "official" } }))).toBe("official");
    expect(profileOf(doc(undefined, { metadata: { profile: "not-a-profile" } }))).toBe("unknown");
  });

  it("reads scholarly tags as academic, with or without a URL", () => {
    expect(profileOf(doc(undefined, { metadata: { citation_doi: "10.1000/xyz" } }))).toBe(
      "academic",
    );
    expect(
      profileOf(doc("https://repo.example/p/1", { metadata: { journal: "Journal of Tests" } })),
    ).toBe("academic");
    expect(profileOf(doc(undefined, { metadata: { pubmed_id: "33685200" } }))).toBe("academic");
  });

  it("reads the JSON-LD type of a page on an unlisted site", () => {
    const typed = (jsonLdType: unknown) =>
      profileOf(doc("https://www.unlisted.example/a", { metadata: { jsonLdType } }));
    expect(typed("NewsArticle")).toBe("news");
    expect(typed("https://schema.org/ReportageNewsArticle")).toBe("news");
    expect(typed(["Article", "BlogPosting"])).toBe("blog");
    expect(typed("SocialMediaPosting")).toBe("social");
    expect(typed("ScholarlyArticle")).toBe("academic");
    expect(typed("WebPage")).toBe("unknown");
    expect(profileOf(doc(undefined, { metadata: { "og:type": "blog" } }))).toBe("blog");
    expect(profileOf(doc(undefined, { metadata: { ogType: "article" } }))).toBe("unknown");
  });

  it("lets a newsroom path win over a page's NewsArticle markup", () => {
    expect(
      profileOf(
        doc("https://corp.example/press-releases/2024/results", {
          metadata: { jsonLdType: "NewsArticle" },
        }),
      ),
    ).toBe("press-release");
  });
});

describe("independenceGroupOf", () => {
  it("puts pages of bbc.com and bbc.co.uk in one organisation", () => {
    const a = independenceGroupOf(doc("https://www.bbc.com/news/world-1"));
    const b = independenceGroupOf(doc("https://www.bbc.co.uk/news/uk-2", { publisher: "BBC" }));
    expect(a).toBe("org:BBC");
    expect(b).toBe(a);
  });

  it("groups one owner's brands, and a listed publisher name without a URL", () => {
    expect(independenceGroupOf(doc("https://www.welt.de/a"))).toBe("org:Axel Springer");
    expect(independenceGroupOf(doc("https://www.politico.eu/article/b"))).toBe("org:Axel Springer");
    expect(independenceGroupOf(doc("https://www.youtube.com/watch?v=1"))).toBe("org:Alphabet");
    expect(independenceGroupOf(doc("https://blog.google/technology/ai/"))).toBe("org:Alphabet");
    expect(independenceGroupOf(doc("https://www.paho.org/en/topics"))).toBe("org:WHO");
    expect(independenceGroupOf(doc(undefined, { publisher: "The New York Times" }))).toBe(
      "org:The New York Times",
    );
  });

  it("falls back to the publisher, then the registrable host, then the document", () => {
    expect(
      independenceGroupOf(doc("https://a.example.com/x", { publisher: " Example  Times " })),
    ).toBe("publisher:example times");
    expect(independenceGroupOf(doc("https://news.example.co.uk/x"))).toBe("site:example.co.uk");
    expect(independenceGroupOf(doc("https://www.example.com.au/x"))).toBe("site:example.com.au");
    expect(independenceGroupOf(doc("https://ons.gov.uk/x"))).not.toBe(
      independenceGroupOf(doc("https://www.nhs.gov.uk/y")),
    );
    expect(independenceGroupOf(doc(undefined))).toBe("document:corpus-doc");
  });
});
