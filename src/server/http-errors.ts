// FactuallyError codes as HTTP statuses, and the one JSON error body every API error uses.
import type { ErrorCode } from "../core/errors.js";

export const STATUS_OF: Record<
  | ErrorCode
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNAUTHORIZED",
  number
> = {
  BAD_INPUT: 400,
  BAD_CONFIG: 500,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORE_FAILED: 500,
  PROVIDER_FAILED: 502,
  PARSE_FAILED: 502,
  BLOCKED_URL: 400,
  TIMEOUT: 504,
  ABORTED: 499,
  TOO_MANY: 429,
  BUDGET_EXHAUSTED: 500,
  INTERNAL: 500,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
};

/** `{ error: { code, message } }`: what every API error answers with. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
