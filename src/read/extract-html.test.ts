import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractHtml } from "./extract-html.js";

const fixture = (name: string) =>
  readFile(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), "utf8");

describe("extractHtml", () => {
  it("returns the article's paragraphs apart, without navigation, footer or scripts", async () => {
    const page = extractHtml(await fixture("article.html"));
    const paragraphs = page?.text.split("\n\n") ?? [];
    expect(paragraphs).toEqual([
      "By Jane Reporter, 15 March 2021",
      "A randomised trial in 120 schools found that classes where pupils wore face masks had fewer respiratory infections over eight weeks than classes where they did not.",
      "The researchers counted 310 confirmed infections in the mask group and 402 in the control group, a relative reduction of about 23 per cent, according to the study published on Monday.",
      "Independent experts said the effect was modest but consistent with earlier observational studies, and cautioned that adherence was measured by teachers rather than by the researchers themselves.",
    ]);
  });

  it("reads the title, site, author, dates, language and canonical URL from the page's metadata", async () => {
    const { text: _text, ...metadata } = extractHtml(await fixture("article.html")) ?? {};
    expect(metadata).toEqual({
      title: "Masks cut transmission in school trial",
      siteName: "The Daily Example",
      byline: "Jane Reporter",
      publishedAt: "2021-03-15T09:30:00+01:00",
      modifiedAt: "2021-03-16",
      language: "en-GB",
      canonicalUrl: "https://news.example.org/health/masks-school-trial",
      jsonLdType: ["NewsArticle"],
    });
  });

  it("returns undefined for a page with no readable text", async () => {
    expect(extractHtml(await fixture("empty-shell.html"))).toBeUndefined();
    expect(extractHtml("")).toBeUndefined();
    expect(extractHtml("<html><body> <!-- only a comment --> </body></html>")).toBeUndefined();
  });

  it("falls back to the body text of a short page, without header and footer", async () => {
    expect(extractHtml(await fixture("short-page.html"))?.text).toBe(
      "Fluoride in drinking water at 0.7 mg/L is considered safe.",
    );
  });

  it("reads an HTML fragment without <html> or <body>", () => {
    const page = extractHtml("<title>Salt</title><h1>Salt</h1><p>One.</p><p>Two<br>lines.</p>");
    expect(page).toEqual({ title: "Salt", text: "Salt\n\nOne.\n\nTwo\nlines." });
  });

  it("takes JSON-LD metadata from a @graph, an author array and @id references", () => {
    const html = `<html><head><script type="application/ld+json">{ not json }</script>
      <script type="application/ld+json">{"@graph": [
        {"@id": "#jane", "@type": "Person", "name": "Jane Doe"},
        {"@type": "Article", "headline": "H", "datePublished": "2020-05-01T10:00:00Z",
         "dateModified": "2020-05-02 08:00", "author": [{"@id": "#jane"}, {"name": "Sam Roe"}],
         "publisher": "Example Press"}]}</script></head>
      <body><p>Body text of the page.</p></body></html>`;
    expect(extractHtml(html)).toMatchObject({
      byline: "Jane Doe, Sam Roe",
      siteName: "Example Press",
      publishedAt: "2020-05-01T10:00:00Z",
      modifiedAt: "2020-05-02T08:00:00Z",
    });
  });

  it("reads scholarly citation tags and a <time> element, and omits dates it cannot read", () => {
    const scholarly = `<html lang="de"><head><meta name="citation_publication_date" content="2019/07/04">
      <meta name="citation_author" content="Ada Lovelace"></head><body><p>Text.</p></body></html>`;
    expect(extractHtml(scholarly)).toMatchObject({
      publishedAt: "2019-07-04",
      byline: "Ada Lovelace",
      language: "de",
    });
    const timed = `<html><body><article><time datetime="2018-01-02">2 Jan</time><p>Text.</p></article></body></html>`;
    expect(extractHtml(timed)?.publishedAt).toBe("2018-01-02");
    const vague = `<html><head><meta property="article:published_time" content="last Tuesday"></head>
      <body><p>Text.</p></body></html>`;
    expect(extractHtml(vague)).not.toHaveProperty("publishedAt");
    const rfc2822 = `<html><head><meta property="article:published_time" content="soon">
      <meta name="date" content="Mon, 15 Mar 2021 09:30:00 GMT"></head><body><p>Text.</p></body></html>`;
    expect(extractHtml(rfc2822)?.publishedAt).toBe("2021-03-15T09:30:00.000Z");
  });

  it("resolves a relative canonical link against the page URL and ignores non-http links", () => {
    const page = (href: string) =>
      `<html><head><link rel="canonical" href="${href}"></head><body><p>Text.</p></body></html>`;
    expect(extractHtml(page("/a/b"), { url: "https://example.org/x?y=1" })?.canonicalUrl).toBe(
      "https://example.org/a/b",
    );
    expect(extractHtml(page("javascript:alert(1)"))).not.toHaveProperty("canonicalUrl");
  });

  it("never runs the page's scripts", () => {
    const html = `<html><body><p>Static text.</p><script>document.body.innerHTML = "<p>Injected</p>";</script></body></html>`;
    expect(extractHtml(html)?.text).toBe("Static text.");
  });
});
