// extractHtml's steps with the DOM as a parameter, so the two DOMs are compared on exactly what
// production does with a page. dom-compare.test.ts checks that it matches extractHtml on linkedom.
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import type { ExtractedPage } from "../dist/read/extract-html.js";
import type { HtmlDocument, HtmlNode } from "../dist/read/html-dom.js";
import { metadataDate, readPageMetadata } from "../dist/read/html-metadata.js";
import { blockText, SKIP_IN_ARTICLE, SKIP_IN_PAGE } from "../dist/read/html-text.js";
import type { ParseHtml } from "./dom-compare-dom.ts";

/** Whose text the page got: Readability's, the whole-page fallback's, or none. */
export type ExtractionPath = "readability" | "fallback" | "none";

export interface DomExtraction {
  path: ExtractionPath;
  /** What extractHtml would return; undefined when the page has no readable text. */
  page: ExtractedPage | undefined;
}

/** Parse, metadata, Readability and block text, as extractHtml does them, over `parse`'s DOM. */
export function extractWith(parse: ParseHtml, html: string): DomExtraction {
  const parsed = parse(html);
  let article: Article | undefined;
  let page: Omit<ExtractedPage, "text">;
  try {
    const { document } = parsed;
    // Metadata first: Readability rewrites the document it reads.
    const { title: metaTitle, ...metadata } = readPageMetadata(document);
    const firstHeading = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
    article = readArticle(document);
    page = { ...metadata, title: article?.title || metaTitle || firstHeading || "" };
  } finally {
    parsed.dispose();
  }
  const text = article?.text || fallbackText(parse, html);
  if (!text) return { path: "none", page: undefined };
  const extracted: ExtractedPage = { ...page, text };
  if (!extracted.byline && article?.byline) extracted.byline = article.byline;
  if (!extracted.siteName && article?.siteName) extracted.siteName = article.siteName;
  if (!extracted.publishedAt && article?.publishedAt) extracted.publishedAt = article.publishedAt;
  return { path: article?.text ? "readability" : "fallback", page: extracted };
}

interface Article {
  title?: string;
  text: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
}

function readArticle(document: HtmlDocument): Article | undefined {
  let parsed: ReturnType<Readability<HtmlNode>["parse"]>;
  try {
    if (!isProbablyReaderable(document)) return undefined;
    parsed = new Readability<HtmlNode>(document, { serializer: (node) => node }).parse();
  } catch {
    return undefined;
  }
  if (!parsed?.content) return undefined;
  const article: Article = { text: blockText(parsed.content, SKIP_IN_ARTICLE) };
  if (parsed.title?.trim()) article.title = parsed.title.trim();
  if (parsed.byline?.trim()) article.byline = parsed.byline.trim();
  if (parsed.siteName?.trim()) article.siteName = parsed.siteName.trim();
  const publishedAt = parsed.publishedTime ? metadataDate(parsed.publishedTime) : undefined;
  if (publishedAt) article.publishedAt = publishedAt;
  return article;
}

function fallbackText(parse: ParseHtml, html: string): string {
  const parsed = parse(html);
  try {
    return blockText(parsed.document, SKIP_IN_PAGE);
  } finally {
    parsed.dispose();
  }
}
