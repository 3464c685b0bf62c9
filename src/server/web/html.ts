// HTML from template literals that escape every interpolation: untrusted text (claims, titles,
// passages, comments, URLs) cannot become markup nor hide or reorder what it shows; only `raw()`
// passes trusted markup through.
import { displayText } from "../../text/display-text.js";

/** Markup that is already safe to place in a page. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text is escaped, SafeHtml kept, lists joined, nothing dropped. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

/** `html\`<p>${text}</p>\``: every value is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Trusted markup, passed through as is: only for strings this code wrote itself. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Values joined by `separator` (itself markup), each escaped as in `html`. */
export function joinHtml(values: readonly HtmlValue[], separator: SafeHtml | string): SafeHtml {
  return new SafeHtml(values.map(render).join(String(separator)));
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text safe in element content and in quoted attribute values; control characters, which
 * HTML forbids and terminals act on, are removed, and so are the bidi controls and invisible
 * characters that would make a claim, a title or a link read as something else (displayText).
 */
export function escapeHtml(text: string): string {
  return (
    displayText(text)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
      .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
  );
}

/** The address when it is an absolute http(s) URL, else undefined (a `javascript:` URL stays text). */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
