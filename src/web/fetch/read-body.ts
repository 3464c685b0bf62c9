// Reads a response body into memory, stopping the transfer as soon as it passes a byte cap.
import type { Readable } from "node:stream";

/** What {@link readCappedBody} does when the body is longer than the cap. */
export type OverflowPolicy = "fail" | "truncate";

/** A body read in full, or the fact that it was longer than the cap. */
export type CappedBody = { bytes: Uint8Array; overflowed: boolean };

/**
 * Reads `body` up to `maxBytes`. On the first chunk past the cap the stream is destroyed (so
 * no more is downloaded) and the result is `overflowed`: empty under "fail", the first
 * `maxBytes` bytes under "truncate". The Content-Length header is never trusted for this.
 */
export async function readCappedBody(
  body: Readable,
  maxBytes: number,
  onOverflow: OverflowPolicy,
): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    if (length + chunk.byteLength > maxBytes) {
      discardBody(body);
      if (onOverflow === "fail") return { bytes: new Uint8Array(0), overflowed: true };
      chunks.push(chunk.subarray(0, maxBytes - length));
      return { bytes: concat(chunks, maxBytes), overflowed: true };
    }
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  return { bytes: concat(chunks, length), overflowed: false };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Stops a body we will not read (a redirect, an error, a refused type) without downloading it. */
export function discardBody(body: Readable): void {
  // undici reports a destroyed, unfinished body as an "error" event; nobody is listening.
  body.on("error", () => {});
  body.destroy();
}
