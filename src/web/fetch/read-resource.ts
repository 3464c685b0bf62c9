// Turns the final response of a fetch into a FetchedResource: status, type and size checks,
// then the capped body and its decoded text.
import { FactuallyError } from "../../core/errors.js";
import { decodeText } from "./charset.js";
import { isAllowedType, isTextType, parseContentType } from "./content-type.js";
import { errorCode, httpStatusError } from "./fetch-errors.js";
import { type FinalResponse, header } from "./follow-redirects.js";
import { discardBody, readCappedBody } from "./read-body.js";
import type { FetchedResource, SafeFetchInit } from "./safe-fetcher-types.js";

/** What a response must fit in. */
export interface ResourceLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
}

/**
 * The resource behind `final`, the answer to a fetch of `url`. Refuses (PROVIDER_FAILED) an
 * HTTP error, a 304 nobody asked for, a media type not allowed and a body over the cap — all
 * but the last before reading the body.
 */
export async function readResource(
  url: string,
  init: SafeFetchInit,
  { url: finalUrl, redirects, response }: FinalResponse,
  { maxBytes, allowedTypes }: ResourceLimits,
): Promise<FetchedResource> {
  const status = response.statusCode;
  const base = {
    url,
    finalUrl: finalUrl.href,
    status,
    redirects,
    fetchedAt: new Date().toISOString(),
  };
  const etag = header(response.headers.etag) ?? (status === 304 ? init.ifNoneMatch : undefined);
  const lastModified = header(response.headers["last-modified"]);
  const validators = {
    ...(etag === undefined ? {} : { etag }),
    ...(lastModified === undefined ? {} : { lastModified }),
  };
  const type = parseContentType(header(response.headers["content-type"]));
  const conditional = init.ifNoneMatch !== undefined || init.ifModifiedSince !== undefined;
  if (status === 304 && conditional) {
    discardBody(response.body);
    return { ...base, contentType: type?.mime ?? "", body: new Uint8Array(0), ...validators };
  }
  if (status < 200 || status >= 300) {
    discardBody(response.body);
    throw httpStatusError(finalUrl.href, status);
  }
  if (type === undefined || !isAllowedType(type.mime, allowedTypes)) {
    discardBody(response.body);
    const found = type?.mime ?? "(none)";
    throw new FactuallyError(
      "PROVIDER_FAILED",
      `${finalUrl.href}: content type ${found} is not accepted (only ${allowedTypes.join(", ")})`,
      { target: finalUrl.href },
    );
  }
  const tooLarge = (why: string) =>
    new FactuallyError(
      "PROVIDER_FAILED",
      `${finalUrl.href}: the body is larger than the ${maxBytes}-byte cap (${why})`,
      { target: finalUrl.href },
    );
  // Only ever a reason to stop early: a small Content-Length is not trusted (readCappedBody).
  const declaredLength = Number(header(response.headers["content-length"]) ?? Number.NaN);
  if (declaredLength > maxBytes) {
    discardBody(response.body);
    throw tooLarge(`Content-Length says ${declaredLength}`);
  }
  const { bytes, overflowed } = await readCappedBody(response.body, maxBytes, "fail").catch(
    (error: unknown) => {
      // The decompressor's own cap fired first (a small compressed body inflating past it).
      if (errorCode(error) !== "UND_ERR_RES_EXCEEDED_MAX_SIZE") throw error;
      return { bytes: new Uint8Array(0), overflowed: true };
    },
  );
  if (overflowed) throw tooLarge("stopped reading there");
  const decoded = isTextType(type.mime) ? decodeText(bytes, type.mime, type.charset) : undefined;
  return {
    ...base,
    contentType: type.mime,
    body: bytes,
    ...(decoded ? { text: decoded.text, charset: decoded.charset } : {}),
    ...validators,
  };
}
