// Markup in a claim (someone pasted HTML, or is probing for injection) is not what the claim is
// about: its tag names and attributes must not become search terms. The text as typed is kept
// for display and ids; only the words used for searching and matching drop it.

const CODE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]{0,500})?\/?>/gi;
const ENTITY = /&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});/gi;

/** `text` without scripts and styles, HTML/XML tags (with their attributes) and entities. */
export function withoutMarkup(text: string): string {
  return text.replace(CODE, " ").replace(TAG, " ").replace(ENTITY, " ").replace(/\s+/g, " ").trim();
}
