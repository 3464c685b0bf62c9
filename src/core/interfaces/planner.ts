// Decides what to search for: at least three queries, each with its intent.
import type { Claim } from "../schema/claim.js";
import type { QueryPlan } from "../schema/query-plan.js";
import type { StageRun } from "./stage-run.js";

export interface Planner {
  readonly id: string;
  plan(claim: Claim, signal?: AbortSignal, run?: StageRun): Promise<QueryPlan>;
}
