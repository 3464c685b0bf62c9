// The service's settings: how many checks run at once (on how many threads) and wait, who may
// write (a bearer token), how fast one client may start checks, how large a request may be, and
// CORS.
import { z } from "zod";
import { type Env, envValue, nonEmpty } from "./env-values.js";

export interface ServerConfig {
  /** Checks running at once. */
  maxRunning: number;
  /** Checks waiting beyond those; more get 429. */
  maxQueued: number;
  /**
   * Worker threads that run checks off the HTTP loop (FACTUALLY_WORKERS); unset means one per
   * core, at most maxRunning; 0 runs checks on the main thread.
   */
  workers?: number;
  /** When set, POST endpoints need `Authorization: Bearer <token>` (secret). */
  apiToken?: string;
  /** Checks one client (IP address) may start per minute. */
  checksPerMinute: number;
  /** Largest request body, bytes. */
  maxBodyBytes: number;
  /** Origins allowed to call the API from a browser; none (CORS off) by default. */
  corsOrigins: string[];
}

export const SERVER_DEFAULTS: ServerConfig = {
  maxRunning: 2,
  maxQueued: 20,
  checksPerMinute: 10,
  maxBodyBytes: 64 * 1024,
  corsOrigins: [],
};

const Count = (max: number) => z.number().int().min(1).max(max);

export function resolveServerConfig(env: Env): ServerConfig {
  const token = nonEmpty(env.FACTUALLY_API_TOKEN)?.trim();
  const cors = nonEmpty(env.FACTUALLY_CORS_ORIGINS);
  const origins =
    cors === undefined
      ? []
      : cors
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean)
          .map(
            (o) =>
              envValue(
                { FACTUALLY_CORS_ORIGINS: o },
                "FACTUALLY_CORS_ORIGINS",
                z.url({ protocol: /^https?$/ }),
                String,
              ) ?? o,
          )
          .map((o) => o.replace(/\/+$/, ""));
  const workers = envValue(env, "FACTUALLY_WORKERS", z.number().int().min(0).max(64), Number);
  return {
    maxRunning:
      envValue(env, "FACTUALLY_MAX_RUNNING", Count(64), Number) ?? SERVER_DEFAULTS.maxRunning,
    maxQueued:
      envValue(env, "FACTUALLY_MAX_QUEUED", Count(10_000), Number) ?? SERVER_DEFAULTS.maxQueued,
    ...(workers === undefined ? {} : { workers }),
    ...(token ? { apiToken: token } : {}),
    checksPerMinute:
      envValue(env, "FACTUALLY_CHECKS_PER_MINUTE", Count(100_000), Number) ??
      SERVER_DEFAULTS.checksPerMinute,
    maxBodyBytes:
      envValue(
        env,
        "FACTUALLY_MAX_BODY_BYTES",
        z.number().int().min(1024).max(10_000_000),
        Number,
      ) ?? SERVER_DEFAULTS.maxBodyBytes,
    corsOrigins: origins,
  };
}
