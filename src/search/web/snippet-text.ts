// Search APIs hand back titles and snippets with highlight markup (<strong>, MediaWiki's
// <span class="searchmatch">) and HTML entities; hits carry them as plain, one-line text.
import { parseHTML } from "linkedom";

const words = (text: string) => new Set(text.split(" "));

// Only these names are taken for tags, so plain text such as "x<y and y>z" keeps its words.
const INLINE_TAGS = words(
  "a abbr b bdi bdo big cite code del dfn em font i img ins kbd mark q s samp small span strike strong sub sup tt u wbr",
);
// These separate words, so they become a space ("<p>a</p><p>b</p>" is "a b", not "ab").
const BLOCK_TAGS = words(
  "address article blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p pre section table tbody td th thead tr ul",
);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;

/** Longest snippet kept: a search hit is a pointer, the page itself is read later. */
export const MAX_SNIPPET_CHARS = 2000;

/** `html` as plain text: known tags dropped, entities decoded, whitespace collapsed, capped. */
export function plainText(html: string, maxChars: number = MAX_SNIPPET_CHARS): string {
  const untagged = html.replace(TAG, (tag, name: string) => {
    const lower = name.toLowerCase();
    if (BLOCK_TAGS.has(lower)) return " ";
    return INLINE_TAGS.has(lower) ? "" : tag;
  });
  const text = decodeEntities(untagged).replace(/\s+/g, " ").trim();
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text;
}

/** Decodes every HTML entity (named and numeric) with a real HTML parser; no tags survive. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  const escaped = text.replaceAll("<", "&lt;");
  const { document } = parseHTML(
    `<!doctype html><html><body>${escaped}</body></html>`,
  ) as unknown as {
    document: { body: { textContent: string | null } | null };
  };
  return document.body?.textContent ?? text;
}
