// How a report cites its sources: "[1] [3] [4]", each number once, in order.

/** The citation marks of source numbers `ns`, each once, in ascending order. */
export function citeList(ns: readonly number[]): string {
  return [...new Set(ns)]
    .sort((a, b) => a - b)
    .map((n) => `[${n}]`)
    .join(" ");
}
