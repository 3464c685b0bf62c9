// When a stored version may be outdated: its age against the check's freshness window.
import type { Check } from "../core/schema/check.js";

const DAY_MS = 86_400_000;

/** The window that applies to `check`: its own override, else the configured one. */
export function freshnessDaysOf(check: Pick<Check, "freshnessDays">, configured: number): number {
  return check.freshnessDays ?? configured;
}

/** True once more than `days` days have passed since `checkedAt`. */
export function isStale(checkedAt: string, days: number, now: Date): boolean {
  return now.getTime() - Date.parse(checkedAt) > days * DAY_MS;
}
