// HTML pages saved to disk (.html, .htm, .xhtml): the main text, as a reader would see it.
import { extractHtml } from "../../read/extract-html.js";
import { documentRecord, skippedRecord } from "./parsed-record.js";
import type { FormatParser, ParsedRecord } from "./types.js";

/** One document: the page's main text, its canonical URL, date and site as metadata. */
export const parseHtml: FormatParser = async function* ({ bytes }) {
  yield htmlRecord(bytes);
};

function htmlRecord(bytes: Uint8Array): ParsedRecord {
  const html = decodeHtml(bytes);
  if (html === undefined) return skippedRecord("not valid text in the charset the page declares");
  const page = extractHtml(html);
  if (!page) return skippedRecord("no readable text in the page");
  const document: Record<string, unknown> = { text: page.text };
  if (page.title) document.title = page.title;
  if (page.canonicalUrl) document.url = page.canonicalUrl;
  if (page.publishedAt) document.publishedAt = page.publishedAt;
  if (page.siteName) document.publisher = page.siteName;
  const metadata: Record<string, unknown> = {};
  if (page.byline) metadata.byline = page.byline;
  if (page.modifiedAt) metadata.modifiedAt = page.modifiedAt;
  if (page.language) metadata.language = page.language;
  if (Object.keys(metadata).length > 0) document.metadata = metadata;
  return documentRecord(document);
}

// A charset declared early in the page (HTML's prescan looks at the first 1024 bytes).
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The page as text: UTF-8 unless it declares another charset; undefined on bad bytes. */
function decodeHtml(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A BOM wins over the declaration; an unknown charset name falls back to the web's default.
  const label = !hasBom && declared && isKnownEncoding(declared) ? declared : "utf-8";
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isKnownEncoding(label: string): boolean {
  try {
    return new TextDecoder(label).encoding !== "";
  } catch {
    return false;
  }
}
