// A check's stable id: a readable slug plus a short hash of the normalised input.
import { contentHash } from "./hash.js";
import { checkableText, normalizeInput } from "./input.js";
import { isStopword, words } from "./query-terms.js";

/** The id the check of `input` has (or will have); throws BAD_INPUT for text that cannot be checked. */
export function checkIdForInput(input: string): string {
  return checkIdFor(normalizeInput(checkableText(input)));
}

/** The same question, however it is spaced or capitalised, maps to the same id. */
export function checkIdFor(normalized: string): string {
  const key = normalized
    .toLowerCase()
    .replace(/[?.!]+$/, "")
    .trim();
  const slug = words(key)
    .filter((w) => !isStopword(w))
    .map((w) => w.normalize("NFD").replace(/[^a-z0-9]/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 6)
    .join("-")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "check"}-${contentHash(key).slice(0, 8)}`;
}
