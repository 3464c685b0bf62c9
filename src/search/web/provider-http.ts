// The one HTTP client of the web search providers: JSON over fetch with a per-attempt timeout,
// retries on 429/5xx (honouring Retry-After), a pace per quota (API key), a size cap, and errors
// that say what to do next without ever repeating an API key.
import { FactuallyError, isFactuallyError, messageOf } from "../../core/errors.js";
import type { PacerFactory } from "../../core/interfaces/request-pacer.js";
import { quotaKey } from "../../text/hash.js";
import { isRetryableStatus, retryAfterMs, retryDelayMs, sleep } from "../../web/backoff.js";
import { processPacers } from "../../web/request-pacer.js";
import { excerpt, ResponseTooLarge, readBodyCapped } from "./response-body.js";

/** How a provider talks HTTP; every field has a default. */
export interface ProviderHttpOptions {
  /** Milliseconds one attempt may take, body included (default 10 000). */
  timeoutMs?: number;
  /** Attempts after the first on a 429, a 5xx or a network fault (default 2). */
  retries?: number;
  /** Least milliseconds between the starts of two requests spending one quota (default 0). */
  minIntervalMs?: number;
  /** Where each quota's pace is kept (default: this process; Redis shares it between processes). */
  pacers?: PacerFactory;
  /** Largest answer accepted, in bytes (default 5 MB). */
  maxResponseBytes?: number;
  /** The fetch to use (default the global one); tests and proxies pass their own. */
  fetch?: typeof fetch;
}

/** What the client needs to know about the provider it speaks for. */
export interface ProviderHttpConfig {
  /** The provider id, first word of every message. */
  provider: string;
  /** Sent as User-Agent when set (Wikimedia asks for one with contact details). */
  userAgent?: string;
  /** The environment variable holding the key, named in the advice on a 401 or 403. */
  keyVariable?: string;
  /** Values that must never appear in a message (the API key). */
  secrets?: ReadonlyArray<string | undefined>;
  /**
   * What one quota is spent by (the API key, or a keyless service's address): only its hash
   * names the pace, so instances with the same key share one and different keys do not.
   */
  quota?: string;
  /** Advice for particular statuses, replacing the default one. */
  advice?: Partial<Record<number, string>>;
}

export interface JsonRequest {
  method: "GET" | "POST";
  /** Endpoint without the query. */
  url: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON (POST only). */
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export interface ProviderHttp {
  /** The parsed JSON answer of a 2xx response; throws FactuallyError PROVIDER_FAILED or ABORTED. */
  requestJson(request: JsonRequest): Promise<unknown>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
// Enough of an error body to carry the provider's own explanation ("API key not valid …").
const EXCERPT_BYTES = 4096;

/** A client for one provider instance; its requests share the pace of its quota. */
export function createProviderHttp(
  config: ProviderHttpConfig,
  options: ProviderHttpOptions = {},
): ProviderHttp {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = options.fetch ?? globalThis.fetch;
  const pace = (options.pacers ?? processPacers())(
    quotaKey(`search:${config.provider}`, config.quota),
    options.minIntervalMs ?? 0,
  );
  const secrets = (config.secrets ?? []).filter((s): s is string => !!s && s.length >= 4);
  const redact = (text: string) =>
    secrets.reduce(
      (out, s) => out.replaceAll(s, "[redacted]").replaceAll(encodeURIComponent(s), "[redacted]"),
      text,
    );
  const failure = (message: string, cause?: unknown, isRetryable = false) =>
    new FactuallyError("PROVIDER_FAILED", redact(`${config.provider}: ${message}`), {
      ...(cause === undefined ? {} : { cause }),
      isRetryable,
    });
  const aborted = (cause: unknown) =>
    new FactuallyError("ABORTED", `${config.provider}: search cancelled`, { cause });

  const adviceFor = (status: number): string => {
    const given = config.advice?.[status];
    if (given) return given;
    if (status === 401 || status === 403) {
      return config.keyVariable
        ? `check ${config.keyVariable}`
        : "the service refused the request; check the provider's settings";
    }
    if (status === 429)
      return "rate limited: wait, lower the request rate, or check the plan's quota";
    if (status >= 500) return "the service is failing; try again later";
    return "the request was rejected; check the provider's settings";
  };

  async function requestJson(request: JsonRequest): Promise<unknown> {
    const { signal } = request;
    const url = new URL(request.url);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    if (config.userAgent) headers["user-agent"] = config.userAgent;
    if (request.method === "POST") headers["content-type"] = "application/json";
    const body = request.method === "POST" ? JSON.stringify(request.body ?? {}) : undefined;

    for (let attempt = 0; ; attempt++) {
      const attempts = attempt + 1;
      try {
        await pace(signal);
      } catch (cause) {
        // A shared pace that cannot be reached (Redis down) is its own fault, not a cancel.
        if (isFactuallyError(cause) && !signal?.aborted) throw cause;
        throw aborted(cause);
      }
      const timeout = AbortSignal.timeout(timeoutMs);
      const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const fault = (cause: unknown, during: string): FactuallyError => {
        if (signal?.aborted) return aborted(cause);
        if (timeout.aborted) {
          return failure(
            `no answer within ${timeoutMs} ms (${during}); the service is slow or unreachable, try again later`,
            cause,
            true,
          );
        }
        const what = during === "connecting" ? "could not reach" : "lost the connection to";
        return failure(
          `${what} ${url.origin} (${reasonOf(cause)}); check the network and the provider's address`,
          cause,
          true,
        );
      };
      let response: Response;
      try {
        response = await doFetch(url, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: attemptSignal,
          // A redirect would carry the key header to wherever it points: not followed, reported.
          redirect: "manual",
        });
      } catch (cause) {
        const error = fault(cause, "connecting");
        // A refused or reset connection is worth another try; a timeout or an abort is not.
        const wait =
          attempt < retries && !timeout.aborted ? retryDelayMs(attempt, undefined) : undefined;
        if (error.code === "ABORTED" || wait === undefined) throw error;
        await sleepOrAbort(wait, signal, aborted);
        continue;
      }

      if (response.ok) {
        let text: string;
        try {
          text = await readBodyCapped(response, maxBytes);
        } catch (cause) {
          if (cause instanceof ResponseTooLarge) {
            throw failure(
              `${cause.message}; the service answered something other than search results`,
            );
          }
          throw fault(cause, "reading the answer");
        }
        try {
          return JSON.parse(text) as unknown;
        } catch {
          // No cause: the parser's message quotes the body, which only `failure` redacts.
          const type = response.headers.get("content-type") ?? "no content type";
          throw failure(
            `the answer is not valid JSON (${type}: ${excerpt(text)}); the service or a proxy in front of it answered something else — check the provider's address`,
          );
        }
      }

      const responseHeaders = Object.fromEntries(response.headers);
      const said = await readBodyCapped(response, EXCERPT_BYTES, true).catch(() => "");
      if (signal?.aborted) throw aborted(signal.reason);
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get("location") ?? "nowhere";
        throw failure(
          `HTTP ${response.status} redirect to ${location}; use that address for the provider if it is the right one`,
        );
      }
      if (isRetryableStatus(response.status) && attempt < retries) {
        const wait = retryDelayMs(attempt, responseHeaders);
        if (wait !== undefined) {
          await sleepOrAbort(wait, signal, aborted);
          continue;
        }
      }
      const askedMs = retryAfterMs(responseHeaders);
      // Worth saying when it is why we stopped, or how long to wait before trying by hand.
      const asked =
        askedMs !== undefined && askedMs >= 1000
          ? `, asked to retry after ${Math.ceil(askedMs / 1000)} s`
          : "";
      const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
      const detail = said ? ` (${excerpt(said)})` : "";
      throw failure(
        `HTTP ${response.status}${detail}${tries}${asked}; ${adviceFor(response.status)}`,
        undefined,
        isRetryableStatus(response.status),
      );
    }
  }

  return { requestJson };
}

async function sleepOrAbort(
  ms: number,
  signal: AbortSignal | undefined,
  aborted: (cause: unknown) => FactuallyError,
): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch (cause) {
    throw aborted(cause);
  }
}

/** The most specific reason fetch gives: undici puts the system error (ECONNREFUSED) in `cause`. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string") {
    return cause.code;
  }
  if (cause instanceof Error) return cause.message;
  return messageOf(error);
}
