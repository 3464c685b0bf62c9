// SQLite's error codes as FactuallyErrors, in one place: a damaged file, a read-only disk, a full
// disk or a held lock say so and name the file, instead of surfacing as internal errors.
import { FactuallyError, messageOf } from "../../core/errors.js";

/** better-sqlite3's SqliteError carries the extended result code, e.g. `SQLITE_CORRUPT_INDEX`. */
function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}

/** Whether `error` is SQLite's `code` (`SQLITE_CORRUPT` also matches `SQLITE_CORRUPT_INDEX`). */
export function isSqliteCode(error: unknown, code: string): boolean {
  const actual = sqliteCode(error);
  return actual === code || actual?.startsWith(`${code}_`) === true;
}

/**
 * The FactuallyError a SQLite failure on the database `location` means, or undefined when it is
 * not a storage fault (a bug of ours, such as a bad statement, stays internal).
 */
export function storeFault(error: unknown, location: string): FactuallyError | undefined {
  if (FactuallyError.isInstance(error) || sqliteCode(error) === undefined) return undefined;
  const options = { cause: error, target: location, subject: "database" as const };
  const why = messageOf(error);
  if (isSqliteCode(error, "SQLITE_CORRUPT") || isSqliteCode(error, "SQLITE_NOTADB")) {
    return new FactuallyError(
      "STORE_DAMAGED",
      `the database ${location} is damaged (${why}); nothing more was written to it`,
      options,
    );
  }
  if (isSqliteCode(error, "SQLITE_READONLY")) return readOnlyFault(location, error);
  if (isSqliteCode(error, "SQLITE_FULL")) {
    return new FactuallyError(
      "STORE_FULL",
      `the disk holding the database ${location} is full; this change was not saved and nothing stored before was lost`,
      options,
    );
  }
  if (isSqliteCode(error, "SQLITE_BUSY") || isSqliteCode(error, "SQLITE_LOCKED")) {
    return new FactuallyError(
      "STORE_BUSY",
      `the database ${location} is locked by another process; nothing was changed`,
      { ...options, isRetryable: true },
    );
  }
  if (isSqliteCode(error, "SQLITE_CANTOPEN") || isSqliteCode(error, "SQLITE_IOERR")) {
    return new FactuallyError(
      "STORE_FAILED",
      `cannot read or write the database ${location} (${why})`,
      options,
    );
  }
  return undefined;
}

/** A write to `location` refused because its file, folder or disk cannot be written. */
export function readOnlyFault(location: string, cause: unknown): FactuallyError {
  return new FactuallyError(
    "STORE_READ_ONLY",
    `the database ${location} is read-only (its file, folder or disk cannot be written); nothing was changed`,
    { cause, target: location, subject: "database" },
  );
}

/** `error` as its storage fault when it is one, else unchanged. */
export function asStoreError(error: unknown, location: string): unknown {
  return storeFault(error, location) ?? error;
}

/**
 * `store` with every method's SQLite failures (thrown or rejected) turned into storage faults,
 * so each caller sees one kind of error whichever method failed.
 */
export function withStoreFaults<T extends object>(store: T, location: string): T {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise
            ? result.catch((error: unknown) => {
                throw asStoreError(error, location);
              })
            : result;
        } catch (error) {
          throw asStoreError(error, location);
        }
      };
    },
  });
}
