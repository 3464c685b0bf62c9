// The frame every page shares: head (title, description, assets, extra metadata), skip link,
// site navigation, main landmark and footer.
import { type AccountNav, accountNav, csrfMeta } from "./account-nav.js";
import { pageAssets } from "./assets.js";
import { html, type SafeHtml } from "./html.js";

export interface PageOptions {
  /** The document title, without the site name. */
  title: string;
  description?: string;
  /** Extra trusted head markup (canonical link, Open Graph, JSON-LD). */
  head?: SafeHtml;
  /** The footer's version string. */
  version: string;
  body: SafeHtml;
  /** Who is signed in, when the deployment has accounts. */
  account?: AccountNav;
}

/** A complete HTML document. */
export function page(options: PageOptions): string {
  const { css, js } = pageAssets();
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${options.title} — Factually</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ""}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${css.path}">
<script src="${js.path}" defer></script>
${csrfMeta(options.account)}
${options.head ?? ""}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<nav aria-label="Site">
<a class="brand" href="/">Factually</a>
<a href="/checks">History</a>
<a href="/about">How a check works</a>
${accountNav(options.account)}
</nav>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site-footer">
<p>Factually ${options.version} · self-hosted fact-checking · <a href="/about">How a check works</a></p>
</footer>
</body>
</html>
`.value;
}

/** Text shortened to `max` characters on a word boundary, for titles and descriptions. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
