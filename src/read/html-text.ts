// Turns a DOM subtree into plain text with one paragraph per block element, blank lines between.
import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  type HtmlNode,
  TEXT_NODE,
} from "./html-dom.js";

const tagNames = (...lines: string[]) => lines.join(" ").split(" ");

// Elements that start a new paragraph (HTML's block-level and list/table rows).
const BLOCKS = new Set(
  tagNames(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption",
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary",
    "table tbody tfoot thead tr ul",
  ),
);

// Never text a reader wants, whatever the page.
const NOT_TEXT = tagNames(
  "script style noscript template svg math iframe object canvas select button head title nav",
);

/** Skipped inside an article Readability found: a header there may hold the standfirst. */
export const SKIP_IN_ARTICLE: ReadonlySet<string> = new Set(NOT_TEXT);

/** Skipped in a whole page: also the furniture a full body usually carries. */
export const SKIP_IN_PAGE: ReadonlySet<string> = new Set([
  ...NOT_TEXT,
  ...tagNames("header footer aside form dialog"),
]);

/** The text of `root`: paragraphs joined by a blank line, runs of spaces collapsed. */
export function blockText(root: HtmlNode, skipped: ReadonlySet<string>): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = tidy(current);
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  const visit = (node: HtmlNode, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? "";
      current += inPre ? text : text.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) {
      for (const child of node.childNodes) visit(child, inPre);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toLowerCase();
    if (skipped.has(tag)) return;
    if (tag === "br") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    else if (tag === "td" || tag === "th") current += " ";
    for (const child of node.childNodes) visit(child, inPre || tag === "pre");
    if (block) flush();
  };
  visit(root, false);
  flush();
  return paragraphs.join("\n\n");
}

/** Lines of a paragraph with spaces collapsed and blank lines dropped. */
function tidy(paragraph: string): string {
  return paragraph
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
