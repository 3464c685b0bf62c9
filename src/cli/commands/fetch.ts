// `factually fetch <url>`: reads one page the way a check reads a web source — through the
// guarded fetcher, with extraction — and prints its text and metadata (for debugging a source).
import { readPage } from "../../assemble/read-page.js";
import type { WebConfig } from "../../config/web-config.js";
import { clean } from "../../render/text.js";
import type { CliIo } from "../io.js";

export interface FetchCommandOptions {
  web: WebConfig;
  json: boolean;
  /** --no-robots: read even where robots.txt disallows (the configured default otherwise). */
  robots: boolean;
}

export async function fetchCommand(
  url: string,
  options: FetchCommandOptions,
  io: CliIo,
): Promise<number> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  try {
    const { page, extracted, document, profile } = await readPage(url, options.web, {
      robots: options.robots,
      signal: controller.signal,
    });
    const facts = {
      url: page.url,
      finalUrl: page.finalUrl,
      redirects: page.redirects,
      status: page.status,
      contentType: page.contentType,
      ...(page.charset ? { charset: page.charset } : {}),
      bytes: page.body.byteLength,
      fetchedAt: page.fetchedAt,
      ...(page.etag ? { etag: page.etag } : {}),
      ...(page.lastModified ? { lastModified: page.lastModified } : {}),
      title: extracted.title,
      ...(extracted.publisher ? { publisher: extracted.publisher } : {}),
      ...(extracted.publishedAt ? { publishedAt: extracted.publishedAt } : {}),
      metadata: extracted.metadata,
      profile,
      contentHash: document.contentHash,
      text: extracted.text,
    };
    if (options.json) {
      io.stdout.write(`${JSON.stringify(facts)}\n`);
      return 0;
    }
    const meta = extracted.metadata;
    const line = (label: string, value: unknown) =>
      value === undefined || value === "" ? [] : [`${label.padEnd(11)}${clean(String(value))}`];
    io.stdout.write(
      [
        ...line("Title:", extracted.title),
        ...line("URL:", page.finalUrl),
        ...(page.redirects.length > 0 ? line("Asked for:", page.url) : []),
        ...line("Publisher:", extracted.publisher),
        ...line("Author:", meta.author),
        ...line("Published:", extracted.publishedAt ?? "no date found"),
        ...line("Modified:", meta.modifiedAt),
        ...line("Language:", meta.language),
        ...line("Canonical:", meta.canonicalUrl),
        ...line("Profile:", facts.profile),
        ...line(
          "Fetched:",
          `${page.fetchedAt} · ${page.contentType}${page.charset ? `; ${page.charset}` : ""} · ${page.body.byteLength.toLocaleString("en-US")} bytes`,
        ),
        ...line("ETag:", page.etag),
        ...line("Modified-Since:", page.lastModified),
        "",
        clean(extracted.text) || "(no readable text)",
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    process.removeListener("SIGINT", cancel);
  }
}
