// Freezes a plain value and everything it holds, so a configuration cannot change under a run.

/** `value`, frozen all the way down (arrays and plain objects); returned for chaining. */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
