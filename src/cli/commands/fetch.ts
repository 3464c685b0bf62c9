// `factually fetch <url>`: reads one page the way a check reads a web source — through the
// guarded fetcher, with extraction — and prints its text and metadata (for debugging a source).
import { safeFetcherFor } from "../../assemble/web-sources.js";
import type { WebConfig } from "../../config/web-config.js";
import { FactuallyError, isFactuallyError } from "../../core/errors.js";
import type { Document } from "../../core/schema/document.js";
import { profileOf } from "../../pipeline/profile.js";
import { extractPage } from "../../read/web-reader.js";
import { clean } from "../../render/text.js";
import { contentHash } from "../../text/hash.js";

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
  const fetcher = safeFetcherFor(options.web, { robots: options.robots });
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  try {
    const page = await fetcher.fetch(url.trim(), { signal: controller.signal }).catch((error) => {
      // The address is the user's input here: a refused one is bad input (exit 2), not a fault.
      if (isFactuallyError(error) && error.code === "BLOCKED_URL") {
        throw new FactuallyError(
          "BAD_INPUT",
          `${error.message}; Factually reads only public web pages`,
          {
            cause: error,
          },
        );
      }
      throw error;
    });
    const extracted = await extractPage(page, { title: page.finalUrl });
    const document: Document = {
      id: "fetched",
      title: extracted.title,
      text: extracted.text,
      url: page.finalUrl,
      ...(extracted.publishedAt ? { publishedAt: extracted.publishedAt } : {}),
      ...(extracted.publisher ? { publisher: extracted.publisher } : {}),
      metadata: extracted.metadata,
      contentHash: contentHash(extracted.title, extracted.text),
      ingestedAt: page.fetchedAt,
    };
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
      profile: profileOf(document),
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
    await fetcher.close();
  }
}
