// Finds the article a page's JSON-LD (schema.org) describes, read defensively: any shape may come.
import type { HtmlDocument } from "./html-dom.js";

/** The few schema.org Article fields we use, as plain strings. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  publisher?: string;
  /** The article node's schema.org type(s), e.g. ["NewsArticle"]. */
  types?: string[];
}

type JsonObject = Record<string, unknown>;

/** The first JSON-LD node that looks like the page's article (has a date or a headline). */
export function jsonLdArticle(document: HtmlDocument): JsonLdArticle {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectNodes(JSON.parse(script.textContent ?? ""), nodes);
    } catch {
      // A broken block is common in the wild; the others may still be fine.
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node["@id"] === "string") byId.set(node["@id"], node);
  const resolve = (value: unknown): unknown =>
    isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1
      ? (byId.get(value["@id"]) ?? value)
      : value;
  const article =
    nodes.find((node) => typeof node.datePublished === "string") ??
    nodes.find((node) => typeof node.headline === "string");
  if (!article) return {};
  const result: JsonLdArticle = {};
  const headline = text(article.headline);
  if (headline) result.headline = headline;
  const datePublished = text(article.datePublished);
  if (datePublished) result.datePublished = datePublished;
  const dateModified = text(article.dateModified);
  if (dateModified) result.dateModified = dateModified;
  const authors = (Array.isArray(article.author) ? article.author : [article.author])
    .map((author) => name(resolve(author)))
    .filter((author) => author !== undefined);
  if (authors.length > 0) result.author = authors.join(", ");
  const publisher = name(resolve(article.publisher));
  if (publisher) result.publisher = publisher;
  const types = (Array.isArray(article["@type"]) ? article["@type"] : [article["@type"]]).filter(
    (t): t is string => typeof t === "string" && t.length > 0,
  );
  if (types.length > 0) result.types = types;
  return result;
}

function collectNodes(value: unknown, into: JsonObject[], depth = 0): void {
  if (depth > 5) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
  } else if (isObject(value)) {
    into.push(value);
    if (Array.isArray(value["@graph"])) collectNodes(value["@graph"], into, depth + 1);
  }
}

function name(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  if (isObject(value)) return text(value.name);
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed || undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
