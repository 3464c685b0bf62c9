// The two DOMs the comparison runs Readability over, behind one small parse function each.
import { createRequire } from "node:module";
import { type HtmlDocument, parseHtmlDocument } from "../dist/read/html-dom.js";

export type DomName = "linkedom" | "jsdom";

export const DOM_NAMES: readonly DomName[] = ["linkedom", "jsdom"];

/** A parsed page, and what frees it once extraction is done with it. */
export interface ParsedPage {
  document: HtmlDocument;
  dispose(): void;
}

/** Parses a page without running its scripts. */
export type ParseHtml = (html: string) => ParsedPage;

/** What production uses (src/read/html-dom.ts). */
export const parseWithLinkedom: ParseHtml = (html) => ({
  document: parseHtmlDocument(html),
  dispose() {},
});

// jsdom is a dev dependency, loaded on first use and typed here by hand: importing it would
// bring @types/jsdom's `/// <reference lib="dom" />` into the whole build, and then
// extract-html.ts's linkedom document no longer fits Readability's `Document` (TS2740).
interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { virtualConsole: unknown },
  ) => { window: { document: HtmlDocument; close(): void } };
  VirtualConsole: new () => unknown;
}

let jsdom: { module: JsdomModule; quietConsole: unknown } | undefined;

/** jsdom with its defaults: scripts not run, no subresources loaded. */
export const parseWithJsdom: ParseHtml = (html) => {
  if (!jsdom) {
    const module = createRequire(import.meta.url)("jsdom") as JsdomModule;
    // A console that forwards nothing: otherwise jsdom prints CSS it cannot parse to stderr.
    jsdom = { module, quietConsole: new module.VirtualConsole() };
  }
  const { window } = new jsdom.module.JSDOM(html, { virtualConsole: jsdom.quietConsole });
  return { document: window.document, dispose: () => window.close() };
};

export const PARSERS: Readonly<Record<DomName, ParseHtml>> = {
  linkedom: parseWithLinkedom,
  jsdom: parseWithJsdom,
};
