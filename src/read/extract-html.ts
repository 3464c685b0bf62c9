// Extracts a web page's main text and metadata with Readability over a linkedom DOM.
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { type HtmlNode, parseHtmlDocument } from "./html-dom.js";
import { metadataDate, type PageMetadata, readPageMetadata } from "./html-metadata.js";
import { blockText, SKIP_IN_ARTICLE, SKIP_IN_PAGE } from "./html-text.js";

/** A page's readable text and what it says about itself. */
export interface ExtractedPage extends Omit<PageMetadata, "title"> {
  title: string;
  /** Paragraphs separated by blank lines. */
  text: string;
}

export interface ExtractHtmlOptions {
  /** The page's address, to resolve a relative canonical link. */
  url?: string;
}

/** The main text of `html` and its metadata, or undefined when the page has no readable text. */
export function extractHtml(
  html: string,
  options: ExtractHtmlOptions = {},
): ExtractedPage | undefined {
  const document = parseHtmlDocument(html);
  // Metadata first: Readability rewrites the document it reads.
  const metadata = readPageMetadata(document, options.url);
  const firstHeading = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
  const article = readArticle(document);
  const text = article?.text || fallbackText(html);
  if (!text) return undefined;
  const { title: metaTitle, ...rest } = metadata;
  const page: ExtractedPage = {
    ...rest,
    title: article?.title || metaTitle || firstHeading || "",
    text,
  };
  if (!page.byline && article?.byline) page.byline = article.byline;
  if (!page.siteName && article?.siteName) page.siteName = article.siteName;
  if (!page.publishedAt && article?.publishedAt) page.publishedAt = article.publishedAt;
  return page;
}

interface Article {
  title?: string;
  text: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
}

function readArticle(document: ReturnType<typeof parseHtmlDocument>): Article | undefined {
  let parsed: ReturnType<Readability<HtmlNode>["parse"]>;
  try {
    // On a page without an article Readability returns the whole body, header and all.
    if (!isProbablyReaderable(document)) return undefined;
    // The serializer hands back the content node itself, so its blocks can be walked.
    parsed = new Readability<HtmlNode>(document, { serializer: (node) => node }).parse();
  } catch {
    // Readability assumes a well-formed tree; a page it cannot handle still gets the fallback.
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

// Readability gives up on short pages and fragments; their text without the page furniture
// will do. The whole document is walked: linkedom leaves a fragment's nodes outside `body`.
function fallbackText(html: string): string {
  return blockText(parseHtmlDocument(html), SKIP_IN_PAGE);
}
