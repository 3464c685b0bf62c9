// The searches a check runs, each with the intent that keeps the plan balanced.
import { z } from "zod";

export const QueryIntent = z.enum(["neutral", "supporting", "critical"]);
export type QueryIntent = z.infer<typeof QueryIntent>;

export const PlannedQuery = z.object({
  text: z.string().min(1).max(500),
  intent: QueryIntent,
});
export type PlannedQuery = z.infer<typeof PlannedQuery>;

export const QueryPlan = z.object({
  queries: z.array(PlannedQuery).min(3),
  /** Which planner made it (e.g. `templates@1`, `llm:gpt-x@prompt-2`). */
  planner: z.string(),
});
export type QueryPlan = z.infer<typeof QueryPlan>;
