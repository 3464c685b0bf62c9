// Decodes a fetched text body to a string, finding its character encoding the way browsers do.

/** A decoded body and the canonical name of the encoding used (e.g. "windows-1252"). */
export interface DecodedText {
  text: string;
  charset: string;
}

// How far into an HTML document a <meta charset> may be (the HTML prescan uses 1024 bytes;
// we look a little further for pages with long comments or scripts first).
const PRESCAN_BYTES = 2048;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/;

/**
 * Decodes `bytes` of media type `mime`. The encoding is the first of: a byte-order mark
 * (which, as in the WHATWG Encoding standard, wins over the header), the header's charset,
 * an HTML <meta> or XML declaration in the first 2 KB, UTF-8 when the bytes are valid UTF-8,
 * else windows-1252. An unknown label is skipped, never thrown.
 */
export function decodeText(bytes: Uint8Array, mime: string, declared?: string): DecodedText {
  const encoding =
    bomEncoding(bytes) ??
    supportedEncoding(declared) ??
    documentEncoding(bytes, mime) ??
    (isValidUtf8(bytes) ? "utf-8" : "windows-1252");
  // TextDecoder drops a BOM matching its encoding; a mismatched one cannot occur (BOM wins).
  return { text: new TextDecoder(encoding).decode(bytes), charset: encoding };
}

/** The canonical name of an encoding label TextDecoder supports, else undefined. */
export function supportedEncoding(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function documentEncoding(bytes: Uint8Array, mime: string): string | undefined {
  // Latin-1 maps each byte to one character, so ASCII markup reads right whatever follows.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  if (mime === "text/html") {
    const found = supportedEncoding(META_CHARSET.exec(head)?.[1]);
    // HTML: a <meta> naming UTF-16 cannot be right (it was read as ASCII), so it means UTF-8;
    // x-user-defined means windows-1252.
    if (found?.startsWith("utf-16")) return "utf-8";
    return found === "x-user-defined" ? "windows-1252" : found;
  }
  if (mime === "application/xhtml+xml" || mime.endsWith("xml")) {
    return supportedEncoding(XML_ENCODING.exec(head)?.[1]);
  }
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
