// Counting a check's views when its page or API record is served: best effort, because the
// count only orders scheduled re-checks, and a reader must get the page whatever happens to it.
import type { ServerContext } from "./context.js";

/** Adds one view of `id`; skipped on a read-only store, and a failure changes nothing served. */
export async function countView(ctx: ServerContext, id: string): Promise<void> {
  if (ctx.engine.readOnly) return;
  try {
    await ctx.engine.checks.recordView(id);
  } catch {
    // Deliberately dropped: a busy or full database must not turn a served page into an
    // error, and one missed view only nudges the order of later refreshes.
  }
}
