// A fetch for the AI SDK providers that stops reading a model server's reply past a byte limit:
// a server that answers with megabytes (a loop, a misconfigured proxy, a hostile endpoint) costs
// at most that many bytes of memory, and the call fails as a provider fault.
import { FactuallyError } from "../core/errors.js";

/** The error a reply over the limit ends in; the model caller reports it as the call's fault. */
export function replyTooLarge(maxBytes: number, url: string): FactuallyError {
  return new FactuallyError(
    "PROVIDER_FAILED",
    `the model server's reply was larger than ${maxBytes.toLocaleString("en")} bytes (FACTUALLY_LLM_MAX_REPLY_BYTES) and was not read further`,
    { target: url },
  );
}

/**
 * `base`, except that a response whose body exceeds `maxBytes` is refused: at once when its
 * Content-Length says so, otherwise as soon as the bytes read pass the limit (the connection
 * is then cancelled, so the server stops sending).
 */
export function boundedFetch(maxBytes: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = urlOf(input);
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw replyTooLarge(maxBytes, url);
    }
    if (!response.body) return response;
    const reader = response.body.getReader();
    let read = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        read += value.byteLength;
        if (read > maxBytes) {
          await reader.cancel().catch(() => {});
          controller.error(replyTooLarge(maxBytes, url));
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}
