// The searches a check runs, each with the intent that keeps the plan balanced.
import { z } from "zod";

export const QueryIntent = z.enum(["neutral", "supporting", "critical"]);
export type QueryIntent = z.infer<typeof QueryIntent>;

export const PlannedQuery = z.object({
  text: z.string().min(1).max(500),
  intent: QueryIntent,
});
export type PlannedQuery = z.infer<typeof PlannedQuery>;

/** What one planned query turned up, recorded once the sources are chosen. */
export const QueryCoverage = z.object({
  /** The query's text, as in `queries`. */
  text: z.string(),
  /** Distinct documents its searches returned, over every provider. */
  hits: z.number().int().nonnegative(),
  /** Citation numbers of the kept sources among them (earlier fact-checks aside), ascending. */
  found: z.array(z.number().int().positive()),
});
export type QueryCoverage = z.infer<typeof QueryCoverage>;

export const QueryPlan = z.object({
  queries: z.array(PlannedQuery).min(3),
  /** Which planner made it (e.g. `templates@2`, `llm:gpt-x@prompt-2`). */
  planner: z.string(),
  /** Per query, in plan order, what it found (absent in versions made before it was recorded). */
  coverage: z.array(QueryCoverage).optional(),
});
export type QueryPlan = z.infer<typeof QueryPlan>;
