// PostgreSQL's failures as FactuallyErrors, in one place: an unreachable server, a full disk, a
// read-only server or a lock conflict say so and name the database (never its password).
import { FactuallyError, messageOf } from "../../core/errors.js";

/** SQLSTATE of a server error, or the errno code (ECONNREFUSED…) of a connection failure. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

const CONNECTION_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * The FactuallyError a PostgreSQL failure on `location` (a redacted URL) means, or undefined
 * when it is not a storage fault (a bug of ours, such as a bad statement, stays as it is).
 * SQLSTATE classes: https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
export function pgStoreFault(error: unknown, location: string): FactuallyError | undefined {
  if (FactuallyError.isInstance(error)) return undefined;
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const options = { cause: error, target: location, subject: "database" as const };
  const why = messageOf(error);
  if (CONNECTION_ERRNOS.has(code) || code.startsWith("08")) {
    return new FactuallyError(
      "STORE_FAILED",
      `cannot reach the PostgreSQL database ${location} (${why})`,
      { ...options, isRetryable: true },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new FactuallyError(
      "STORE_FAILED",
      `the PostgreSQL database ${location} refused the login (${why})`,
      options,
    );
  }
  if (code === "3D000") {
    return new FactuallyError(
      "STORE_FAILED",
      `the PostgreSQL database ${location} does not exist (${why}); create it first`,
      options,
    );
  }
  if (code === "53100") {
    return new FactuallyError(
      "STORE_FULL",
      `the disk of the PostgreSQL database ${location} is full; this change was not saved and nothing stored before was lost`,
      options,
    );
  }
  if (code === "25006") {
    return new FactuallyError(
      "STORE_READ_ONLY",
      `the PostgreSQL database ${location} is read-only (a read-only connection or a standby); nothing was changed`,
      options,
    );
  }
  if (code === "40001" || code === "40P01" || code === "55P03") {
    return new FactuallyError(
      "STORE_BUSY",
      `the PostgreSQL database ${location} is busy with a conflicting change; nothing was changed`,
      { ...options, isRetryable: true },
    );
  }
  if (code === "XX001" || code === "XX002") {
    return new FactuallyError(
      "STORE_DAMAGED",
      `the PostgreSQL database ${location} is damaged (${why})`,
      options,
    );
  }
  if (code === "57P01" || code === "57P02" || code === "57P03") {
    return new FactuallyError(
      "STORE_FAILED",
      `the PostgreSQL database ${location} is shutting down or starting (${why})`,
      { ...options, isRetryable: true },
    );
  }
  return undefined;
}

/** `store` with every method's PostgreSQL failures turned into storage faults. */
export function withPgFaults<T extends object>(store: T, location: string): T {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw pgStoreFault(error, location) ?? error;
            })
          : result;
      };
    },
  });
}
