// Scheduled re-checks (issue 16): whether the server refreshes stale checks in the background,
// how many a day at most, and how old a check's latest version must be first.
import { z } from "zod";
import { type Env, envValue } from "./env-values.js";

export interface AutoRefreshConfig {
  /** FACTUALLY_AUTO_REFRESH=on: the server's scheduler refreshes stale checks (off by default). */
  enabled: boolean;
  /** Refreshes a day at most, counted over the last 24 hours (FACTUALLY_AUTO_REFRESH_PER_DAY). */
  perDay: number;
  /** Only checks whose latest version is older than this (FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS). */
  minAgeDays: number;
}

/** 100 a day keeps a small server's web and model quotas safe; raise it where they allow. */
export const DEFAULT_REFRESHES_PER_DAY = 100;

const OnOff = z.enum(["on", "off"], { error: "use on or off" });

/** Reads the three variables; the minimum age defaults to the freshness window. */
export function resolveAutoRefreshConfig(env: Env, freshnessDays: number): AutoRefreshConfig {
  const switched = envValue(env, "FACTUALLY_AUTO_REFRESH", OnOff, (raw) => raw.toLowerCase());
  return {
    enabled: switched === "on",
    perDay:
      envValue(
        env,
        "FACTUALLY_AUTO_REFRESH_PER_DAY",
        z.number().int().min(1).max(1_000_000),
        Number,
      ) ?? DEFAULT_REFRESHES_PER_DAY,
    minAgeDays:
      envValue(
        env,
        "FACTUALLY_AUTO_REFRESH_MIN_AGE_DAYS",
        z.number().min(0.01).max(3650),
        Number,
      ) ?? freshnessDays,
  };
}
