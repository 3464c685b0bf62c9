// Where a stored version looked: a refresh looks where the version it refreshes looked, so
// that its web sources are not all reported as removed; the page says which it was.
import type { CheckStore } from "../core/interfaces/check-store.js";
import type { CheckVersion } from "../core/schema/check.js";
import { requireCheck } from "./lookup.js";

/** Whether a version searched beyond the corpus (its providers include a web one). */
export function searchedTheWeb(version: CheckVersion): boolean {
  return version.settings.providers.some((p) => p !== "local");
}

/**
 * Whether the latest version of a stored check searched the web: a refresh looks where the
 * version it refreshes looked, so its web sources are not all reported as removed.
 * Throws NOT_FOUND for an unknown check.
 */
export async function latestSearchedTheWeb(store: CheckStore, id: string): Promise<boolean> {
  const stored = await requireCheck(store, id);
  const latest = stored.versions.at(-1);
  const version = latest ? await store.getVersion(id, latest.n) : undefined;
  return version ? searchedTheWeb(version) : false;
}
