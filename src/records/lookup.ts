// Finding a stored check or version, with errors that say where to look instead.
import { FactuallyError } from "../core/errors.js";
import type { CheckStore, StoredCheck } from "../core/interfaces/check-store.js";
import { type Check, CheckId, type CheckVersion } from "../core/schema/check.js";

/** The stored check `id`, or a NOT_FOUND error that says where to look. */
export async function requireCheck(store: CheckStore, id: string): Promise<StoredCheck> {
  const stored = await store.getCheck(id);
  if (!stored || stored.versions.length === 0) throw noCheck(id);
  return stored;
}

/** Version `n` of check `id` (the latest when n is undefined), or NOT_FOUND naming the range. */
export async function requireVersion(
  store: CheckStore,
  id: string,
  n?: number,
): Promise<{ check: Check; version: CheckVersion; versions: number[] }> {
  const stored = await requireCheck(store, id);
  const numbers = stored.versions.map((v) => v.n);
  const wanted = n ?? numbers.at(-1);
  const version = wanted === undefined ? undefined : await store.getVersion(id, wanted);
  if (!version) {
    throw new FactuallyError(
      "NOT_FOUND",
      `check ${id} has no version ${n}; it has ${rangeText(numbers)}`,
      { target: id },
    );
  }
  return { check: stored.check, version, versions: numbers };
}

export function noCheck(id: string): FactuallyError {
  // An id as typed may hold anything; only a well-formed one is shown bare.
  const shown = CheckId.safeParse(id).success ? id : JSON.stringify(id.slice(0, 100));
  return new FactuallyError("NOT_FOUND", `no check ${shown}`, { target: id, subject: "check" });
}

function rangeText(numbers: number[]): string {
  if (numbers.length === 1) return "only version 1";
  return `versions 1 to ${numbers.at(-1)}`;
}
