// Small clients for API tests: JSON requests and a Server-Sent Events reader over real fetch.

export interface SseEvent {
  event: string;
  data: unknown;
}

/** The data of `event` as `T`; throws when there is no such event. */
export function dataOf<T>(event: SseEvent | undefined): T {
  if (!event) throw new Error("expected an event, found none");
  return event.data as T;
}

/** POSTs `body` as JSON; extra headers (Accept, Authorization) as given. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
    ...init,
  });
}

/** Every event of a stream, read until the server closes it. */
export async function readAllEvents(response: Response): Promise<SseEvent[]> {
  return parseEvents(await response.text()).events;
}

/** Reads events until `stop` says so (the rest of the stream is left unread). */
export async function readEventsUntil(
  response: Response,
  stop: (event: SseEvent) => boolean,
): Promise<SseEvent[]> {
  if (!response.body) throw new Error("the response has no body");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const seen: SseEvent[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return seen;
    const parsed = parseEvents(buffer + value);
    buffer = parsed.rest;
    for (const event of parsed.events) {
      seen.push(event);
      if (stop(event)) {
        reader.releaseLock();
        return seen;
      }
    }
  }
}

/** Complete events of an SSE text (blank-line separated), and the incomplete tail. */
export function parseEvents(text: string): { events: SseEvent[]; rest: string } {
  const blocks = text.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? "";
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(":")) continue;
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join("\n")) });
  }
  return { events, rest };
}
