// Which ratings an import adds. Ratings have no id of their own, so equal ones are counted:
// an import adds each incoming rating that the stored ones do not already account for.
import type { Feedback } from "../core/schema/check.js";

type Rating = Pick<Feedback, "version" | "helpful" | "comment" | "createdAt">;

const ratingKey = (f: Rating) =>
  JSON.stringify([f.version, f.helpful, f.comment ?? null, f.createdAt]);

/** The incoming ratings beyond those already stored, in their order. */
export function ratingsToAdd<T extends Rating>(
  stored: readonly Rating[],
  incoming: readonly T[],
): T[] {
  const left = new Map<string, number>();
  for (const f of stored) left.set(ratingKey(f), (left.get(ratingKey(f)) ?? 0) + 1);
  return incoming.filter((f) => {
    const n = left.get(ratingKey(f)) ?? 0;
    if (n === 0) return true;
    left.set(ratingKey(f), n - 1);
    return false;
  });
}
