// What a CLI user can do about an error, added at this edge: library messages say what is wrong
// and with which file or id; the flags and commands to try next are the CLI's to name.
import type { FactuallyError } from "../core/errors.js";
import { isPostgresUrl } from "../text/database-url.js";

/** The next step for `error` at the command line, or undefined when its message says enough. */
export function cliAdvice(
  error: FactuallyError,
  shown: (path: string) => string,
): string | undefined {
  const target = error.target ?? "";
  if (error.subject === "database" && isPostgresUrl(target)) return serverAdvice(error);
  if (error.subject === "database") {
    const file = shown(target);
    switch (error.code) {
      case "STORE_DAMAGED":
        return `check it with: sqlite3 ${file} "PRAGMA integrity_check"; restore it from a backup, or pass another --db`;
      case "STORE_READ_ONLY":
        return "this command writes to the database: make it, its folder and its disk writable, or pass another --db";
      case "STORE_FULL":
        return "free some disk space and run the command again";
      case "STORE_BUSY":
        return "wait for the other factually process (ingest, check or serve) to finish, then run the command again";
      case "BAD_CONFIG":
      case "STORE_FAILED":
        return "check the path and its permissions, or pass another --db";
      default:
        return undefined;
    }
  }
  if (error.subject === "check") {
    if (error.code === "NOT_FOUND") return "try `factually history`";
    if (error.code === "CONFLICT") return `then see it with: factually show ${target}`;
  }
  if (error.subject === "check-version" && error.code === "NOT_FOUND") {
    return `see its versions with: factually show ${target}`;
  }
  return undefined;
}

/** Advice for a PostgreSQL database: no files, paths or sqlite3 to speak of. */
function serverAdvice(error: FactuallyError): string | undefined {
  switch (error.code) {
    case "STORE_FAILED":
    case "BAD_CONFIG":
      return "check that the server is running and the URL (host, port, user, database), or pass another --db";
    case "STORE_READ_ONLY":
      return "this command writes to the database: connect to the primary server with a user allowed to write, or pass another --db";
    case "STORE_FULL":
      return "free some space on the database server and run the command again";
    case "STORE_BUSY":
      return "run the command again";
    default:
      return undefined;
  }
}
