// Reads a provider's answer without trusting its size: bodies are streamed and cut at a cap.

/** Thrown when an answer is larger than the cap it was read with. */
export class ResponseTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
    this.name = "ResponseTooLarge";
  }
}

/**
 * The body as UTF-8 text, at most `maxBytes`: past it, throws ResponseTooLarge, or with
 * `truncate` returns the first `maxBytes` (enough of an error body to quote).
 */
export async function readBodyCapped(
  response: Response,
  maxBytes: number,
  truncate = false,
): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (!truncate && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLarge(maxBytes);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      if (!truncate) throw new ResponseTooLarge(maxBytes);
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes));
}

/** A one-line excerpt of an answer, short enough for an error message. */
export function excerpt(text: string, maxChars = 200): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "empty";
  return line.length > maxChars ? `${line.slice(0, maxChars)}…` : line;
}
