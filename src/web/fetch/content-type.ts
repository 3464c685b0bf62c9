// Reads a Content-Type header and decides which media types a fetch accepts and decodes.
import { MIMEType } from "node:util";

/** The media type of a response: lower-case essence, and the charset parameter if any. */
export interface ParsedContentType {
  mime: string;
  charset?: string;
}

/** The media type of a Content-Type header, or undefined when it is missing or malformed. */
export function parseContentType(header: string | undefined): ParsedContentType | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  try {
    const type = new MIMEType(header);
    const charset = type.params.get("charset");
    return charset ? { mime: type.essence, charset } : { mime: type.essence };
  } catch {
    return undefined;
  }
}

/** Whether `mime` is in `allowed`; an entry like "text/*" allows the whole top-level type. */
export function isAllowedType(mime: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted.endsWith("/*") ? mime.startsWith(wanted.slice(0, -1)) : mime === wanted;
  });
}

/** Whether a body of this media type is text to decode (HTML, XHTML, plain text, XML, JSON). */
export function isTextType(mime: string): boolean {
  return (
    mime.startsWith("text/") ||
    mime === "application/xhtml+xml" ||
    mime === "application/xml" ||
    mime.endsWith("+xml") ||
    mime === "application/json"
  );
}
