// Checks a web provider makes on its settings when it is built, so a bad key or address fails at
// start-up with the variable to fix rather than on the first search.
import { FactuallyError } from "../../core/errors.js";

/** The key, or BAD_CONFIG naming the environment variable that should hold it. */
export function requireKey(provider: string, apiKey: string | undefined, variable: string): string {
  const key = apiKey?.trim();
  if (!key) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `search provider ${provider} needs an API key: set ${variable}, or remove ${provider} from FACTUALLY_SEARCH`,
      { target: variable },
    );
  }
  return key;
}

/** An http(s) base address without trailing slashes, or BAD_CONFIG naming `variable`. */
export function requireBaseUrl(
  provider: string,
  baseUrl: string | undefined,
  variable: string,
): string {
  const trimmed = baseUrl?.trim().replace(/\/+$/, "");
  let protocol = "";
  try {
    protocol = trimmed ? new URL(trimmed).protocol : "";
  } catch {
    // reported below
  }
  if (!trimmed || (protocol !== "http:" && protocol !== "https:")) {
    throw new FactuallyError(
      "BAD_CONFIG",
      `search provider ${provider} needs an http(s) address in ${variable}${trimmed ? `, not "${trimmed}"` : ""}`,
      { target: variable },
    );
  }
  return trimmed;
}
