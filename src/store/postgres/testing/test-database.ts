// The PostgreSQL database the tests use, if any: FACTUALLY_TEST_DATABASE_URL (CI sets it).
import { type ThrowawaySchemas, throwawaySchemas } from "../throwaway-schema.js";

export const TEST_DATABASE_URL = process.env.FACTUALLY_TEST_DATABASE_URL?.trim() || undefined;

/** Why PostgreSQL suites skip, for their names; empty when they run. */
export const SKIP_REASON = TEST_DATABASE_URL
  ? ""
  : " (skipped: FACTUALLY_TEST_DATABASE_URL is not set)";

/** Throwaway schemas in the test database (call only when TEST_DATABASE_URL is set). */
export function testSchemas(): ThrowawaySchemas {
  return throwawaySchemas(TEST_DATABASE_URL ?? "", "factually_test");
}
