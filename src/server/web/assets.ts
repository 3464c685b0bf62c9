// The stylesheet and script, each under a name carrying a hash of its content, so a page can
// let browsers cache them for a year and a new release is fetched at once.
import { createHash } from "node:crypto";
import { APP_CSS } from "./app-css.js";
import { APP_JS } from "./app-js.js";

export interface Asset {
  /** e.g. /assets/app.1a2b3c4d5e.css */
  path: string;
  body: string;
  contentType: string;
  /** A strong ETag from the content hash. */
  etag: string;
}

function asset(base: string, ext: string, body: string, contentType: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { path: `/assets/${base}.${hash}.${ext}`, body, contentType, etag: `"${hash}"` };
}

let built: { css: Asset; js: Asset } | undefined;

/** The page assets (hashed once, on first use). */
export function pageAssets(): { css: Asset; js: Asset } {
  built ??= {
    css: asset("app", "css", APP_CSS, "text/css; charset=utf-8"),
    js: asset("app", "js", APP_JS, "text/javascript; charset=utf-8"),
  };
  return built;
}

/**
 * The asset a request path names: the hashed name (cached for a year) or the plain
 * `/assets/app.css` and `/assets/app.js` (revalidated every time).
 */
export function assetFor(path: string): { asset: Asset; immutable: boolean } | undefined {
  for (const a of Object.values(pageAssets())) {
    if (path === a.path) return { asset: a, immutable: true };
    const plain = a.path.replace(/\.[0-9a-f]{12}\./, ".");
    if (path === plain) return { asset: a, immutable: false };
  }
  return undefined;
}
