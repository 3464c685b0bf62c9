// The service's settings: how many checks run at once (on how many threads) and wait, who may
// write (a bearer token), how fast one client may start checks, refresh, rate and comment, how
// large a request may be, CORS, the host names it answers to, and how long a slow client may
// hold a connection.
import { z } from "zod";
import { MAX_COMMENT_CHARS } from "../core/schema/check.js";
import { badConfig, type Env, envValue, nonEmpty } from "./env-values.js";

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
  /** Checks one client (an IPv4 address or IPv6 /64) may start per minute. */
  checksPerMinute: number;
  /** Refreshes of stored checks one client may start per minute (a budget apart from checks). */
  refreshesPerMinute: number;
  /** Ratings one client may send per minute. */
  ratingsPerMinute: number;
  /** Bytes of comments (UTF-8) one client may send per hour. */
  commentBytesPerHour: number;
  /** Largest request body, bytes. */
  maxBodyBytes: number;
  /** Origins allowed to call the API from a browser; none (CORS off) by default. */
  corsOrigins: string[];
  /**
   * Host names (lowercase, with an optional `:port`) the server answers to besides IP addresses,
   * `localhost` and FACTUALLY_BASE_URL's host; `*` answers any (FACTUALLY_ALLOWED_HOSTS).
   */
  allowedHosts: string[];
  /** Time a client has to send a request's headers, ms (FACTUALLY_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included, ms; responses are not limited. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after a response, ms. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are closed unanswered (FACTUALLY_MAX_CONNECTIONS). */
  maxConnections: number;
  /** A login session ends after this many minutes without a request (FACTUALLY_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** A login session ends this many hours after login, however active (FACTUALLY_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** The Redis queue that feeds `factually worker` processes (FACTUALLY_REDIS_URL); off when absent. */
  queue?: QueueConfig;
}

/** Checks on a Redis queue, run by worker processes on any machine (the scale-out path). */
export interface QueueConfig {
  /** redis:// or rediss:// (secret: it may hold a password). */
  redisUrl: string;
  /** Prefix of every Redis key (several deployments, or tests, can share one Redis). */
  prefix: string;
  /** Runs of one job before it is failed (failures worth retrying only; backoff doubles from 5 s). */
  attempts: number;
  /** A worker's lock on a job: a worker silent this long is presumed dead and another takes over. */
  lockMs: number;
  /** How long a stopping worker (SIGTERM) lets its checks finish before it puts them back. */
  graceMs: number;
}

export const QUEUE_DEFAULTS = {
  prefix: "factually",
  attempts: 5,
  lockMs: 30_000,
  graceMs: 30_000,
} as const;

export const SERVER_DEFAULTS: ServerConfig = {
  maxRunning: 2,
  maxQueued: 20,
  checksPerMinute: 10,
  refreshesPerMinute: 5,
  ratingsPerMinute: 30,
  commentBytesPerHour: 20_000,
  maxBodyBytes: 64 * 1024,
  corsOrigins: [],
  allowedHosts: [],
  // A browser sends its headers in one packet and a 64 KiB body in well under a second; these
  // leave a slow mobile link room while a stalled client is dropped long before Node's own
  // defaults (60 s for headers, 300 s for the request).
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Node's default: longer than a browser's pause between a page and its assets.
  keepAliveTimeoutMs: 5_000,
  // Each open event stream holds one, and a browser opens up to six per site; far below a
  // default 1024-descriptor limit so the database and the model client keep theirs.
  maxConnections: 512,
  sessionIdleMinutes: 120,
  sessionMaxHours: 24,
};

/** The most bytes one comment can hold: MAX_COMMENT_CHARS characters of up to 4 bytes. */
const MAX_COMMENT_BYTES = MAX_COMMENT_CHARS * 4;

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
    refreshesPerMinute:
      envValue(env, "FACTUALLY_REFRESHES_PER_MINUTE", Count(100_000), Number) ??
      SERVER_DEFAULTS.refreshesPerMinute,
    ratingsPerMinute:
      envValue(env, "FACTUALLY_RATINGS_PER_MINUTE", Count(100_000), Number) ??
      SERVER_DEFAULTS.ratingsPerMinute,
    commentBytesPerHour:
      envValue(
        env,
        "FACTUALLY_COMMENT_BYTES_PER_HOUR",
        // At least one longest comment (2 000 characters of up to 4 bytes each).
        z.number().int().min(MAX_COMMENT_BYTES).max(100_000_000),
        Number,
      ) ?? SERVER_DEFAULTS.commentBytesPerHour,
    maxBodyBytes:
      envValue(
        env,
        "FACTUALLY_MAX_BODY_BYTES",
        z.number().int().min(1024).max(10_000_000),
        Number,
      ) ?? SERVER_DEFAULTS.maxBodyBytes,
    corsOrigins: origins,
    allowedHosts: allowedHostsOf(env),
    ...connectionLimitsOf(env),
    ...sessionLimitsOf(env),
    ...queueOf(env),
  };
}

/** `host`, `host:port`, `[v6]:port` or `*`; a URL, a path or a bad port is refused. */
function allowedHostsOf(env: Env): string[] {
  const raw = nonEmpty(env.FACTUALLY_ALLOWED_HOSTS);
  if (raw === undefined) return [];
  const HostEntry = z
    .string()
    .regex(
      /^(\*|[a-z0-9_.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/,
      "use host names with an optional :port, separated by commas (e.g. factcheck.example,factcheck.example:8443), or *",
    )
    .refine((h) => Number(h.match(/:(\d+)$/)?.[1] ?? 1) <= 65_535, "a port is at most 65535");
  return raw
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
    .map(
      (h) =>
        envValue({ FACTUALLY_ALLOWED_HOSTS: h }, "FACTUALLY_ALLOWED_HOSTS", HostEntry, String) ?? h,
    );
}

function sessionLimitsOf(env: Env): Pick<ServerConfig, "sessionIdleMinutes" | "sessionMaxHours"> {
  const sessionIdleMinutes =
    envValue(env, "FACTUALLY_SESSION_IDLE_MINUTES", Count(7 * 24 * 60), Number) ??
    SERVER_DEFAULTS.sessionIdleMinutes;
  const sessionMaxHours =
    envValue(env, "FACTUALLY_SESSION_MAX_HOURS", Count(90 * 24), Number) ??
    SERVER_DEFAULTS.sessionMaxHours;
  if (sessionIdleMinutes > sessionMaxHours * 60) {
    throw badConfig(
      "FACTUALLY_SESSION_IDLE_MINUTES",
      `FACTUALLY_SESSION_IDLE_MINUTES (${sessionIdleMinutes}) is longer than FACTUALLY_SESSION_MAX_HOURS (${sessionMaxHours} h): a session would always end at its absolute limit first; lower it or raise the other`,
    );
  }
  return { sessionIdleMinutes, sessionMaxHours };
}

type ConnectionLimits = Pick<
  ServerConfig,
  "headersTimeoutMs" | "requestTimeoutMs" | "keepAliveTimeoutMs" | "maxConnections"
>;

function connectionLimitsOf(env: Env): ConnectionLimits {
  const Ms = z.number().int().min(100).max(600_000);
  const limits: ConnectionLimits = {
    headersTimeoutMs:
      envValue(env, "FACTUALLY_HEADERS_TIMEOUT_MS", Ms, Number) ?? SERVER_DEFAULTS.headersTimeoutMs,
    requestTimeoutMs:
      envValue(env, "FACTUALLY_REQUEST_TIMEOUT_MS", Ms, Number) ?? SERVER_DEFAULTS.requestTimeoutMs,
    keepAliveTimeoutMs:
      envValue(env, "FACTUALLY_KEEP_ALIVE_TIMEOUT_MS", Ms, Number) ??
      SERVER_DEFAULTS.keepAliveTimeoutMs,
    maxConnections:
      envValue(env, "FACTUALLY_MAX_CONNECTIONS", Count(100_000), Number) ??
      SERVER_DEFAULTS.maxConnections,
  };
  // Node refuses a headers timeout longer than the request timeout (the headers are part of it).
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw badConfig(
      "FACTUALLY_HEADERS_TIMEOUT_MS",
      `FACTUALLY_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) is longer than FACTUALLY_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}), which includes the headers; lower the first or raise the second`,
    );
  }
  return limits;
}

function queueOf(env: Env): { queue?: QueueConfig } {
  const redisUrl = envValue(
    env,
    "FACTUALLY_REDIS_URL",
    z
      .url({ protocol: /^rediss?$/, error: "use redis://host:6379 (or rediss:// for TLS)" })
      .refine((u) => URL.parse(u)?.hostname, "the URL has no host"),
    String,
  );
  if (redisUrl === undefined) return {};
  return {
    queue: {
      redisUrl,
      prefix:
        envValue(
          env,
          "FACTUALLY_REDIS_PREFIX",
          z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "use letters, digits, _ . - (at most 64)"),
          String,
        ) ?? QUEUE_DEFAULTS.prefix,
      attempts:
        envValue(env, "FACTUALLY_JOB_ATTEMPTS", Count(20), Number) ?? QUEUE_DEFAULTS.attempts,
      lockMs:
        envValue(env, "FACTUALLY_JOB_LOCK_MS", z.number().int().min(1000).max(600_000), Number) ??
        QUEUE_DEFAULTS.lockMs,
      graceMs:
        envValue(
          env,
          "FACTUALLY_WORKER_GRACE_MS",
          z.number().int().min(0).max(3_600_000),
          Number,
        ) ?? QUEUE_DEFAULTS.graceMs,
    },
  };
}
