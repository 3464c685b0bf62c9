// The safe page fetcher: reads untrusted web sources behind an SSRF guard.
export { type AddressVerdict, checkAddress } from "./address-policy.js";
export { createSafeFetcher, DEFAULT_ALLOWED_TYPES } from "./safe-fetcher.js";
export type {
  FetchedResource,
  SafeFetcher,
  SafeFetchInit,
  SafeFetchOptions,
} from "./safe-fetcher-types.js";
export { checkUrl, type UrlVerdict } from "./url-policy.js";
