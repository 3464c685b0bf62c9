// The small part of the DOM that HTML extraction uses, declared here because we build without
// the "dom" lib: linkedom's documents satisfy it.
import { parseHTML } from "linkedom";

/** A DOM node, as far as text extraction needs it. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: Iterable<HtmlNode>;
}

/** A DOM element, as far as metadata lookup needs it. */
export interface HtmlElement extends HtmlNode {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
}

export interface HtmlDocument extends HtmlElement {
  readonly documentElement: HtmlElement | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * A parsed document; linkedom never runs the page's scripts. It also does not build the
 * implied <html>/<body> of a fragment, so text outside `body` must be looked for too.
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  return parseHTML(html).document as unknown as HtmlDocument;
}
