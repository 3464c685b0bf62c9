// Starting work: a check (POST /api/checks) and a refresh (POST /api/checks/:id/refresh), each
// answered as JSON when the job is done, or streamed as Server-Sent Events while it runs.
import type { Context } from "hono";
import type { z } from "zod";
import { FactuallyError } from "../../core/errors.js";
import { checkableText } from "../../text/input.js";
import type { CheckRequest } from "../check-service.js";
import { clientOf } from "../client-prefix.js";
import type { ServerContext } from "../context.js";
import { checkView, refreshView } from "./check-views.js";
import { streamJob, wantsEventStream } from "./job-stream.js";
import { type ClientGate, refundIfRefused } from "./rate-limit.js";
import { CheckIdParams, CreateCheckBody, RefreshBody } from "./request-schemas.js";
import type { Cancelled, CheckOutcome, CreatedCheck, RunState } from "./response-schemas.js";
import { pathParams, readJsonBody } from "./validate.js";

/**
 * Handlers that start jobs, by operation id; `gates` are the per-client limits of checks and of
 * refreshes (separate budgets). A token is given back when the queue then refuses the job.
 */
export function checkHandlers(
  ctx: ServerContext,
  gates: { checks: ClientGate; refreshes: ClientGate },
) {
  return {
    async createCheck(c: Context): Promise<Response> {
      const request: CheckRequest = await readJsonBody(c, CreateCheckBody);
      checkableField(request.text);
      const refused = await gates.checks.admit(c);
      if (refused) return refused;
      // A full queue is refused here too, before any stream starts (and the token comes back).
      const started = await refundIfRefused(gates.checks.limiter, clientOf(c), () =>
        ctx.checks.startCheck(request),
      );
      if (wantsEventStream(c)) return streamJob(c, started);
      const result = await started.job.done;
      const view = await checkView(ctx, result.checkId, result.n);
      const created: z.infer<typeof CreatedCheck> = {
        ...view,
        outcome: result.outcome as z.infer<typeof CheckOutcome>,
        joined: started.joined,
      };
      return c.json(created, 201);
    },

    async getRun(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      const run = await ctx.checks.status(id.trim());
      if (!run) {
        throw new FactuallyError(
          "NOT_FOUND",
          `no run of check ${id} is queued, running or recently failed`,
          {
            target: id,
            subject: "check",
          },
        );
      }
      const body: z.infer<typeof RunState> = { id: id.trim(), ...run };
      return c.json(body);
    },

    async cancelRun(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      await readJsonBody(c, RefreshBody, { emptyIsObject: true });
      if (!(await ctx.checks.cancel(id.trim()))) {
        throw new FactuallyError("NOT_FOUND", `no run of check ${id} is queued or running`, {
          target: id,
          subject: "check",
        });
      }
      const body: z.infer<typeof Cancelled> = { id: id.trim(), cancelled: true };
      return c.json(body);
    },

    async refreshCheck(c: Context): Promise<Response> {
      const { id } = pathParams(c, CheckIdParams);
      await readJsonBody(c, RefreshBody, { emptyIsObject: true });
      const refused = await gates.refreshes.admit(c);
      if (refused) return refused;
      const started = await refundIfRefused(gates.refreshes.limiter, clientOf(c), () =>
        ctx.checks.startRefresh(id.trim()),
      );
      if (wantsEventStream(c)) return streamJob(c, started);
      const result = await started.job.done;
      return c.json(await refreshView(ctx, result.checkId, result.n, started.joined), 201);
    },
  };
}

/** The pipeline's own test of a checkable input (words, length after NFKC), naming the field. */
function checkableField(text: string): void {
  try {
    checkableText(text);
  } catch (error) {
    if (error instanceof FactuallyError && error.code === "BAD_INPUT") {
      throw new FactuallyError("BAD_INPUT", `text: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
