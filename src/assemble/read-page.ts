// One page read the way a check reads a web source — through the guarded fetcher, with
// extraction and the source profile — for `factually fetch`, which shows what a check would see.
import type { WebConfig } from "../config/web-config.js";
import { FactuallyError, isFactuallyError } from "../core/errors.js";
import type { Document } from "../core/schema/document.js";
import { profileOf } from "../pipeline/profile.js";
import { extractPage } from "../read/web-reader.js";
import { contentHash } from "../text/hash.js";
import { safeFetcherFor } from "./web-sources.js";

export interface ReadPageOptions {
  /** Read even where robots.txt disallows (the configured default otherwise). */
  robots: boolean;
  signal?: AbortSignal;
}

/** The page at `url` as a check would read it, with what the fetch itself found. */
export async function readPage(url: string, web: WebConfig, options: ReadPageOptions) {
  const fetcher = safeFetcherFor(web, { robots: options.robots });
  try {
    const page = await fetcher
      .fetch(url.trim(), options.signal ? { signal: options.signal } : {})
      .catch((error: unknown) => {
        // The address is the user's input here: a refused one is bad input, not a fault.
        if (isFactuallyError(error) && error.code === "BLOCKED_URL") {
          throw new FactuallyError(
            "BAD_INPUT",
            `${error.message}; Factually reads only public web pages`,
            { cause: error },
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
    return { page, extracted, document, profile: profileOf(document) };
  } finally {
    await fetcher.close();
  }
}
