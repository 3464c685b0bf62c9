// Checks, versions, feedback and run locks in SQLite; every write is one IMMEDIATE transaction,
// so concurrent processes queue on the write lock instead of failing half-way.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type Database from "better-sqlite3";
import { FactuallyError } from "../../core/errors.js";
import type {
  CheckPage,
  CheckStore,
  RunLease,
  StoredCheck,
} from "../../core/interfaces/check-store.js";
import { type Check, CheckVersion, ClaimOrigin, type Feedback } from "../../core/schema/check.js";
import { decodeCursor, encodeCursor } from "../history-cursor.js";
import { newRaterSalt, RATER_SALT_KEY, raterHash } from "../rater-hash.js";
import { type ProcessProbe, probeProcess, runIsHeld } from "../run-lease.js";
import { settingsFingerprint } from "../settings-fingerprint.js";
import {
  DAY_MS,
  HISTORY_LOOK_KEYS,
  notRunning,
  STALE_ORDER,
  staleCandidate,
} from "../stale-checks.js";
import { type SummaryRow, summaryOf } from "../stored-rows.js";
import { createCheckTransfer } from "./check-transfer.js";
import { type CheckRow, toCheck } from "./json-rows.js";

type StaleRow = CheckRow &
  SummaryRow & {
    views: number;
    owner_pid: number | null;
    owner_host: string | null;
    heartbeat_at: string | null;
  };

interface RunRow {
  n: number;
  token: string;
  owner_pid: number;
  owner_host: string;
  started_at: string;
  heartbeat_at: string;
}

const SUMMARY_COLUMNS = `v.n, v.checked_at, v.verdict_label, v.verdict_confidence,
  json_array_length(v.body, '$.sources') AS sources,
  (SELECT count(*) FROM feedback f WHERE f.check_id = v.check_id AND f.version = v.n AND f.helpful = 1) AS helpful,
  (SELECT count(*) FROM feedback f WHERE f.check_id = v.check_id AND f.version = v.n AND f.helpful = 0) AS not_helpful`;

export function createCheckRecords(
  db: Database.Database,
  options: { isAlive?: ProcessProbe } = {},
): CheckStore {
  const isAlive = options.isAlive ?? probeProcess;
  // Prepared on first use: only `db copy` exports or imports, and every open pays for eager ones.
  let transfer: ReturnType<typeof createCheckTransfer> | undefined;
  const transfers = () => {
    transfer ??= createCheckTransfer(db);
    return transfer;
  };
  const selectRun = db.prepare<[string], RunRow>("SELECT * FROM check_runs WHERE check_id = ?");
  const selectCheck = db.prepare<[string], CheckRow>("SELECT * FROM checks WHERE id = ?");

  const updateCheck = (id: string, column: "freshness_days" | "origin", value: unknown) => {
    const changed = db
      .prepare(`UPDATE checks SET ${column} = ? WHERE id = ?`)
      .run(value, id).changes;
    if (changed === 0) {
      throw new FactuallyError("NOT_FOUND", `no check ${id}`, { target: id, subject: "check" });
    }
  };

  const host = hostname();

  const requireLease = (lease: RunLease): void => {
    const run = selectRun.get(lease.checkId);
    if (run?.token !== lease.token) {
      throw new FactuallyError(
        "CONFLICT",
        `the run of ${lease.checkId} lost its lock (it went more than a minute without renewing it, and another run took over); nothing was stored — run it again`,
        { target: lease.checkId },
      );
    }
  };

  const begin = db.transaction((checkId: string, now: Date): RunLease => {
    const run = selectRun.get(checkId);
    if (run && runIsHeld(run, now, isAlive)) {
      throw new FactuallyError(
        "CONFLICT",
        `check ${checkId} is already running (version ${run.n}, started ${run.started_at}); wait for it to finish`,
        { target: checkId, subject: "check", isRetryable: true },
      );
    }
    if (run) db.prepare("DELETE FROM check_runs WHERE check_id = ?").run(checkId);
    const last = db
      .prepare<[string], { n: number | null }>(
        "SELECT max(n) AS n FROM check_versions WHERE check_id = ?",
      )
      .get(checkId);
    const lease: RunLease = {
      checkId,
      n: (last?.n ?? 0) + 1,
      token: randomUUID(),
      startedAt: now.toISOString(),
    };
    db.prepare(
      `INSERT INTO check_runs (check_id, n, token, owner_pid, owner_host, started_at, heartbeat_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(checkId, lease.n, lease.token, process.pid, host, lease.startedAt, lease.startedAt);
    return lease;
  });

  const commit = db.transaction((lease: RunLease, check: Check, version: CheckVersion) => {
    requireLease(lease);
    db.prepare(
      `INSERT INTO checks (id, input, normalized, kind, created_at, freshness_days, origin)
       VALUES (@id, @input, @normalized, @kind, @createdAt, @freshnessDays, @origin)
       ON CONFLICT (id) DO UPDATE SET
         freshness_days = coalesce(excluded.freshness_days, freshness_days),
         origin = coalesce(excluded.origin, origin)`,
    ).run({
      id: check.id,
      input: check.input,
      normalized: version.claim.normalized,
      kind: check.kind,
      createdAt: check.createdAt,
      freshnessDays: check.freshnessDays ?? null,
      origin: check.origin ? JSON.stringify(check.origin) : null,
    });
    db.prepare(
      `INSERT INTO check_versions
         (check_id, n, checked_at, status, verdict_label, verdict_confidence, settings_fingerprint, body)
       VALUES (?, ?, ?, 'done', ?, ?, ?, ?)`,
    ).run(
      check.id,
      version.n,
      version.checkedAt,
      version.verdict.label,
      version.verdict.confidence,
      settingsFingerprint(version),
      JSON.stringify(version),
    );
    db.prepare("DELETE FROM check_runs WHERE check_id = ? AND token = ?").run(
      lease.checkId,
      lease.token,
    );
  });

  /** The store's rater salt, made on first use (inside the caller's write transaction). */
  const raterSalt = (): string => {
    db.prepare(
      "INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
    ).run(RATER_SALT_KEY, newRaterSalt());
    const row = db
      .prepare<[string], { value: string }>("SELECT value FROM store_settings WHERE key = ?")
      .get(RATER_SALT_KEY);
    return row?.value ?? "";
  };

  const insertFeedback = db.transaction((feedback: Feedback, rater: string | undefined) => {
    const exists = db
      .prepare<[string, number], { n: number }>(
        "SELECT n FROM check_versions WHERE check_id = ? AND n = ? AND status = 'done'",
      )
      .get(feedback.checkId, feedback.version);
    if (!exists) {
      throw new FactuallyError(
        "NOT_FOUND",
        `no version ${feedback.version} of check ${feedback.checkId}`,
        { target: feedback.checkId, subject: "check-version" },
      );
    }
    db.prepare(
      `INSERT INTO feedback (check_id, version, helpful, comment, created_at, rater)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (check_id, version, rater) DO UPDATE SET
         helpful = excluded.helpful, comment = excluded.comment, created_at = excluded.created_at`,
    ).run(
      feedback.checkId,
      feedback.version,
      feedback.helpful ? 1 : 0,
      feedback.comment ?? null,
      feedback.createdAt,
      rater === undefined ? null : raterHash(raterSalt(), rater),
    );
  });

  return {
    async beginVersion(checkId, now = new Date()) {
      return begin.immediate(checkId, now);
    },

    async renewLease(lease, now = new Date()) {
      db.transaction(() => {
        requireLease(lease);
        db.prepare("UPDATE check_runs SET heartbeat_at = ? WHERE check_id = ? AND token = ?").run(
          now.toISOString(),
          lease.checkId,
          lease.token,
        );
      }).immediate();
    },

    async commitVersion(lease, check, version) {
      if (
        version.checkId !== lease.checkId ||
        check.id !== lease.checkId ||
        version.n !== lease.n
      ) {
        throw new FactuallyError(
          "INTERNAL",
          `version ${version.checkId}#${version.n} does not match its run lock ${lease.checkId}#${lease.n}`,
        );
      }
      commit.immediate(lease, check, version);
    },

    async abandonVersion(lease) {
      db.prepare("DELETE FROM check_runs WHERE check_id = ? AND token = ?").run(
        lease.checkId,
        lease.token,
      );
    },

    async getCheck(id) {
      const row = selectCheck.get(id);
      if (!row) return undefined;
      const versions = db
        .prepare<[string], SummaryRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM check_versions v
           WHERE v.check_id = ? AND v.status = 'done' ORDER BY v.n`,
        )
        .all(id)
        .map(summaryOf);
      const run = selectRun.get(id);
      const stored: StoredCheck = { check: toCheck(row), versions };
      if (run && runIsHeld(run, new Date(), isAlive)) {
        stored.running = { n: run.n, startedAt: run.started_at };
      }
      return stored;
    },

    async getVersion(id, n) {
      const row = db
        .prepare<[string, number], { body: string }>(
          "SELECT body FROM check_versions WHERE check_id = ? AND n = ? AND status = 'done'",
        )
        .get(id, n);
      return row ? CheckVersion.parse(JSON.parse(row.body)) : undefined;
    },

    async listChecks({ limit, cursor }) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const rows = db
        .prepare<unknown[], CheckRow & SummaryRow & { versions: number }>(
          `WITH latest AS (
             SELECT check_id, max(n) AS n, count(*) AS versions FROM check_versions
             WHERE status = 'done' GROUP BY check_id
           )
           SELECT c.*, l.versions, ${SUMMARY_COLUMNS}
           FROM latest l
           JOIN checks c ON c.id = l.check_id
           JOIN check_versions v ON v.check_id = l.check_id AND v.n = l.n
           WHERE @at IS NULL OR (v.checked_at, c.id) < (@at, @id)
           ORDER BY v.checked_at DESC, c.id DESC
           LIMIT @limit`,
        )
        .all({ at: after?.[0] ?? null, id: after?.[1] ?? null, limit: limit + 1 });
      const page: CheckPage = {
        checks: rows.slice(0, limit).map((row) => ({
          check: toCheck(row),
          latest: summaryOf(row),
          versionCount: row.versions,
        })),
      };
      const last = page.checks.at(-1);
      if (rows.length > limit && last) {
        page.nextCursor = encodeCursor(last.latest.checkedAt, last.check.id);
      }
      return page;
    },

    async addFeedback(feedback, options) {
      insertFeedback.immediate(feedback, options?.rater);
    },

    async listFeedback(id, n) {
      return db
        .prepare<[string, number], { helpful: number; comment: string | null; created_at: string }>(
          "SELECT helpful, comment, created_at FROM feedback WHERE check_id = ? AND version = ? ORDER BY rowid",
        )
        .all(id, n)
        .map((row) => ({
          checkId: id,
          version: n,
          helpful: row.helpful === 1,
          ...(row.comment === null ? {} : { comment: row.comment }),
          createdAt: row.created_at,
        }));
    },

    async setFreshness(id, days) {
      updateCheck(id, "freshness_days", days ?? null);
    },

    async setOrigin(id, origin) {
      updateCheck(id, "origin", JSON.stringify(ClaimOrigin.parse(origin)));
    },

    async recordView(id) {
      db.prepare("UPDATE checks SET views = views + 1 WHERE id = ?").run(id);
    },

    async listStale({ now, minAgeDays, limit }) {
      const runs = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM check_runs").get();
      // Ages in whole milliseconds, as PostgreSQL computes them, so both stores draw the same
      // day lines (julianday's fraction of a day is not exact).
      const rows = db
        .prepare<unknown[], StaleRow>(
          `WITH latest AS (
             SELECT check_id, max(n) AS n FROM check_versions WHERE status = 'done' GROUP BY check_id
           ), aged AS (
             SELECT c.*, ${SUMMARY_COLUMNS},
               CAST(round((julianday(@now) - julianday(v.checked_at)) * ${DAY_MS}) AS INTEGER) AS age_ms
             FROM latest l
             JOIN checks c ON c.id = l.check_id
             JOIN check_versions v ON v.check_id = l.check_id AND v.n = l.n
           )
           SELECT aged.*, age_ms / ${DAY_MS} AS age_days,
             r.owner_pid, r.owner_host, r.heartbeat_at
           FROM aged LEFT JOIN check_runs r ON r.check_id = aged.id
           WHERE age_ms > @minAgeMs
             AND (freshness_days IS NULL OR age_ms > freshness_days * ${DAY_MS})
           ORDER BY ${STALE_ORDER}
           LIMIT @limit`,
        )
        .all({
          now: now.toISOString(),
          minAgeMs: Math.round(minAgeDays * DAY_MS),
          limit: limit + (runs?.n ?? 0),
        });
      const candidates = rows.map((row) =>
        staleCandidate({ check: toCheck(row), latest: summaryOf(row), views: row.views }, row),
      );
      return notRunning(candidates, limit, now, isAlive);
    },

    async countRefreshes(since) {
      const row = db
        .prepare<[string], { n: number }>(
          "SELECT count(*) AS n FROM check_versions WHERE status = 'done' AND n > 1 AND checked_at >= ?",
        )
        .get(since.toISOString());
      return row?.n ?? 0;
    },

    async historyLooks() {
      const rows = db
        .prepare<[string, string], { key: string; value: string }>(
          "SELECT key, value FROM store_settings WHERE key IN (?, ?)",
        )
        .all(HISTORY_LOOK_KEYS.latest, HISTORY_LOOK_KEYS.previous);
      const value = (key: string) => rows.find((row) => row.key === key)?.value;
      const latest = value(HISTORY_LOOK_KEYS.latest);
      const previous = value(HISTORY_LOOK_KEYS.previous);
      return { ...(latest ? { latest } : {}), ...(previous ? { previous } : {}) };
    },

    async recordHistoryLook(at) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO store_settings (key, value)
             SELECT ?, value FROM store_settings WHERE key = ?
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        ).run(HISTORY_LOOK_KEYS.previous, HISTORY_LOOK_KEYS.latest);
        db.prepare(
          `INSERT INTO store_settings (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        ).run(HISTORY_LOOK_KEYS.latest, at.toISOString());
      }).immediate();
    },

    async exportChecks({ after, limit }) {
      return transfers().exportChecks(after, limit);
    },

    async importChecks(checks) {
      return transfers().importChecks.immediate(checks);
    },
  };
}
