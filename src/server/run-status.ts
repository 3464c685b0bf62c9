// A check's run as a page or record shows it beside the stored check: when the queue cannot be
// asked (Redis away), the stored check is still shown, without the run.
import { FactuallyError } from "../core/errors.js";
import type { RunStatus } from "./check-service.js";
import type { ServerContext } from "./context.js";

/** The run of `id`, or undefined when there is none or the queue does not answer now. */
export async function runBeside(ctx: ServerContext, id: string): Promise<RunStatus | undefined> {
  try {
    return await ctx.checks.status(id);
  } catch (error) {
    if (FactuallyError.isInstance(error) && error.code === "UNAVAILABLE") return undefined;
    throw error;
  }
}
