// A check job as Server-Sent Events: `job-accepted`, then every pipeline event under its own
// type, then `done` or `error`. A client that goes away only unsubscribes: the job runs on for
// the other requests that joined it, and its version is stored.
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { z } from "zod";
import type { JobUpdate } from "../check-jobs.js";
import type { StartedJob } from "../check-service.js";
import { errorEventBody } from "./api-errors.js";
import type { JobAccepted, JobDone } from "./response-schemas.js";

/** Comment lines keep proxies from closing a stream that waits in the queue. */
const KEEP_ALIVE_MS = 15_000;

/** True when the client asked for Server-Sent Events. */
export function wantsEventStream(c: Context): boolean {
  return (c.req.header("accept") ?? "").toLowerCase().includes("text/event-stream");
}

/** The SSE response following `started` until it ends or the client goes away. */
export function streamJob(c: Context, started: StartedJob): Response {
  const { job } = started;
  // Proxies such as nginx buffer responses unless told not to.
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    const pending: JobUpdate[] = [];
    let wake: (() => void) | undefined;
    let gone = false;
    const unsubscribe = job.subscribe((update) => {
      pending.push(update);
      wake?.();
    });
    stream.onAbort(() => {
      gone = true;
      unsubscribe();
      wake?.();
    });
    const keepAlive = setInterval(() => void stream.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    keepAlive.unref();
    try {
      const accepted: z.infer<typeof JobAccepted> = {
        id: started.checkId,
        kind: job.kind,
        joined: started.joined,
        state: job.state,
      };
      await stream.writeSSE({ event: "job-accepted", data: JSON.stringify(accepted) });
      while (!gone) {
        const update = pending.shift();
        if (!update) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        if (update.type === "event") {
          await stream.writeSSE({ event: update.event.type, data: JSON.stringify(update.event) });
          continue;
        }
        if (update.type === "retrying") {
          const { attempt, reason } = update;
          await stream.writeSSE({ event: "retrying", data: JSON.stringify({ attempt, reason }) });
          continue;
        }
        if (update.type === "done") {
          const { checkId, n, outcome } = update.result;
          const done = { id: checkId, n, outcome } as z.infer<typeof JobDone>;
          await stream.writeSSE({ event: "done", data: JSON.stringify(done) });
        } else {
          await stream.writeSSE({
            event: "error",
            data: JSON.stringify(errorEventBody(update.error)),
          });
        }
        break;
      }
    } finally {
      clearInterval(keepAlive);
      unsubscribe();
    }
  });
}
