// Checks, versions, feedback and run locks in PostgreSQL. Each write is one transaction; a
// check's run lock is also serialised by a transaction-scoped advisory lock on its id, so two
// processes beginning the same check at once see one another instead of racing on an insert.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Pool, PoolClient } from "pg";
import { FactuallyError } from "../../core/errors.js";
import type {
  CheckPage,
  CheckStore,
  RunLease,
  StoredCheck,
} from "../../core/interfaces/check-store.js";
import { CheckVersion, ClaimOrigin } from "../../core/schema/check.js";
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
import { type CheckRow, checkOf, type SummaryRow, summaryOf } from "../stored-rows.js";
import { exportPgChecks, importPgChecks } from "./pg-check-transfer.js";
import { inTransaction } from "./pg-transaction.js";

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

const SUMMARY_COLUMNS = `v.n, v.checked_at, v.verdict_label, v.verdict_confidence, v.sources,
  (SELECT count(*) FROM feedback f WHERE f.check_id = v.check_id AND f.version = v.n AND f.helpful)::int AS helpful,
  (SELECT count(*) FROM feedback f WHERE f.check_id = v.check_id AND f.version = v.n AND NOT f.helpful)::int AS not_helpful`;

export function createPgCheckRecords(
  pool: Pool,
  options: { isAlive?: ProcessProbe } = {},
): CheckStore {
  const isAlive = options.isAlive ?? probeProcess;

  const host = hostname();

  /** The run row of a check, locked for this transaction. */
  const lockedRun = async (client: PoolClient, checkId: string): Promise<RunRow | undefined> => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('factually-run:' || $1, 0))",
      [checkId],
    );
    const { rows } = await client.query<RunRow>(
      "SELECT n, token, owner_pid, owner_host, started_at, heartbeat_at FROM check_runs WHERE check_id = $1",
      [checkId],
    );
    return rows[0];
  };

  const requireLease = async (client: PoolClient, lease: RunLease): Promise<void> => {
    const run = await lockedRun(client, lease.checkId);
    if (run?.token !== lease.token) {
      throw new FactuallyError(
        "CONFLICT",
        `the run of ${lease.checkId} lost its lock (it went more than a minute without renewing it, and another run took over); nothing was stored — run it again`,
        { target: lease.checkId },
      );
    }
  };

  const updateCheck = async (id: string, column: "freshness_days" | "origin", value: unknown) => {
    const cast = column === "origin" ? "::jsonb" : "::int";
    const { rowCount } = await pool.query(`UPDATE checks SET ${column} = $1${cast} WHERE id = $2`, [
      value,
      id,
    ]);
    if (rowCount === 0) {
      throw new FactuallyError("NOT_FOUND", `no check ${id}`, { target: id, subject: "check" });
    }
  };

  /** The store's rater salt: made once (whichever server is first), then kept in memory. */
  let salt: Promise<string> | undefined;
  const raterSalt = (): Promise<string> => {
    salt ??= (async () => {
      await pool.query(
        "INSERT INTO store_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        [RATER_SALT_KEY, newRaterSalt()],
      );
      const { rows } = await pool.query<{ value: string }>(
        "SELECT value FROM store_settings WHERE key = $1",
        [RATER_SALT_KEY],
      );
      return rows[0]?.value ?? "";
    })().catch((error: unknown) => {
      salt = undefined; // tried again on the next rating
      throw error;
    });
    return salt;
  };

  return {
    async beginVersion(checkId, now = new Date()) {
      return inTransaction(pool, async (client) => {
        const run = await lockedRun(client, checkId);
        if (run && runIsHeld(run, now, isAlive)) {
          throw new FactuallyError(
            "CONFLICT",
            `check ${checkId} is already running (version ${run.n}, started ${run.started_at}); wait for it to finish`,
            { target: checkId, subject: "check", isRetryable: true },
          );
        }
        if (run) await client.query("DELETE FROM check_runs WHERE check_id = $1", [checkId]);
        const { rows } = await client.query<{ n: number | null }>(
          "SELECT max(n) AS n FROM check_versions WHERE check_id = $1",
          [checkId],
        );
        const lease: RunLease = {
          checkId,
          n: (rows[0]?.n ?? 0) + 1,
          token: randomUUID(),
          startedAt: now.toISOString(),
        };
        await client.query(
          `INSERT INTO check_runs (check_id, n, token, owner_pid, owner_host, started_at, heartbeat_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6)`,
          [checkId, lease.n, lease.token, process.pid, host, lease.startedAt],
        );
        return lease;
      });
    },

    async renewLease(lease, now = new Date()) {
      await inTransaction(pool, async (client) => {
        await requireLease(client, lease);
        await client.query(
          "UPDATE check_runs SET heartbeat_at = $1 WHERE check_id = $2 AND token = $3",
          [now.toISOString(), lease.checkId, lease.token],
        );
      });
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
      await inTransaction(pool, async (client) => {
        await requireLease(client, lease);
        await client.query(
          `INSERT INTO checks (id, input, normalized, kind, created_at, freshness_days, origin)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
           ON CONFLICT (id) DO UPDATE SET
             freshness_days = coalesce(excluded.freshness_days, checks.freshness_days),
             origin = coalesce(excluded.origin, checks.origin)`,
          [
            check.id,
            check.input,
            version.claim.normalized,
            check.kind,
            check.createdAt,
            check.freshnessDays ?? null,
            check.origin ? JSON.stringify(check.origin) : null,
          ],
        );
        await client.query(
          `INSERT INTO check_versions (check_id, n, checked_at, status, verdict_label,
             verdict_confidence, settings_fingerprint, sources, body)
           VALUES ($1, $2, $3, 'done', $4, $5, $6, $7, $8::jsonb)`,
          [
            check.id,
            version.n,
            version.checkedAt,
            version.verdict.label,
            version.verdict.confidence,
            settingsFingerprint(version),
            version.sources.length,
            JSON.stringify(version),
          ],
        );
        await client.query("DELETE FROM check_runs WHERE check_id = $1 AND token = $2", [
          lease.checkId,
          lease.token,
        ]);
      });
    },

    async abandonVersion(lease) {
      await pool.query("DELETE FROM check_runs WHERE check_id = $1 AND token = $2", [
        lease.checkId,
        lease.token,
      ]);
    },

    async getCheck(id) {
      const { rows } = await pool.query<CheckRow>("SELECT * FROM checks WHERE id = $1", [id]);
      const row = rows[0];
      if (!row) return undefined;
      const [versions, runs] = await Promise.all([
        pool.query<SummaryRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM check_versions v
           WHERE v.check_id = $1 AND v.status = 'done' ORDER BY v.n`,
          [id],
        ),
        pool.query<RunRow>("SELECT * FROM check_runs WHERE check_id = $1", [id]),
      ]);
      const stored: StoredCheck = { check: checkOf(row), versions: versions.rows.map(summaryOf) };
      const run = runs.rows[0];
      if (run && runIsHeld(run, new Date(), isAlive)) {
        stored.running = { n: run.n, startedAt: run.started_at };
      }
      return stored;
    },

    async getVersion(id, n) {
      const { rows } = await pool.query<{ body: unknown }>(
        "SELECT body FROM check_versions WHERE check_id = $1 AND n = $2 AND status = 'done'",
        [id, n],
      );
      return rows[0] ? CheckVersion.parse(rows[0].body) : undefined;
    },

    async listChecks({ limit, cursor }) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const { rows } = await pool.query<CheckRow & SummaryRow & { versions: number }>(
        `WITH latest AS (
           SELECT check_id, max(n) AS n, count(*)::int AS versions FROM check_versions
           WHERE status = 'done' GROUP BY check_id
         )
         SELECT c.*, l.versions, ${SUMMARY_COLUMNS}
         FROM latest l
         JOIN checks c ON c.id = l.check_id
         JOIN check_versions v ON v.check_id = l.check_id AND v.n = l.n
         WHERE $1::text IS NULL OR (v.checked_at, c.id) < ($1::text, $2::text)
         ORDER BY v.checked_at DESC, c.id DESC
         LIMIT $3`,
        [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
      );
      const page: CheckPage = {
        checks: rows.slice(0, limit).map((row) => ({
          check: checkOf(row),
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
      const rater =
        options?.rater === undefined ? null : raterHash(await raterSalt(), options.rater);
      const { rowCount } = await pool.query(
        `INSERT INTO feedback (check_id, version, helpful, comment, created_at, rater)
         SELECT check_id, n, $3, $4, $5, $6 FROM check_versions
         WHERE check_id = $1 AND n = $2 AND status = 'done'
         ON CONFLICT (check_id, version, rater) DO UPDATE SET
           helpful = excluded.helpful, comment = excluded.comment, created_at = excluded.created_at`,
        [
          feedback.checkId,
          feedback.version,
          feedback.helpful,
          feedback.comment ?? null,
          feedback.createdAt,
          rater,
        ],
      );
      if (rowCount === 0) {
        throw new FactuallyError(
          "NOT_FOUND",
          `no version ${feedback.version} of check ${feedback.checkId}`,
          { target: feedback.checkId, subject: "check-version" },
        );
      }
    },

    async listFeedback(id, n) {
      const { rows } = await pool.query<{
        helpful: boolean;
        comment: string | null;
        created_at: string;
      }>(
        "SELECT helpful, comment, created_at FROM feedback WHERE check_id = $1 AND version = $2 ORDER BY rowid",
        [id, n],
      );
      return rows.map((row) => ({
        checkId: id,
        version: n,
        helpful: row.helpful,
        ...(row.comment === null ? {} : { comment: row.comment }),
        createdAt: row.created_at,
      }));
    },

    async setFreshness(id, days) {
      await updateCheck(id, "freshness_days", days ?? null);
    },

    async setOrigin(id, origin) {
      await updateCheck(id, "origin", JSON.stringify(ClaimOrigin.parse(origin)));
    },

    async recordView(id) {
      await pool.query("UPDATE checks SET views = views + 1 WHERE id = $1", [id]);
    },

    async listStale({ now, minAgeDays, limit }) {
      const runs = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM check_runs");
      // Ages in whole milliseconds, as the SQLite store computes them (timestamps are ISO text).
      const { rows } = await pool.query<StaleRow>(
        `WITH latest AS (
           SELECT check_id, max(n) AS n FROM check_versions WHERE status = 'done' GROUP BY check_id
         ), aged AS (
           SELECT c.*, ${SUMMARY_COLUMNS},
             round(extract(epoch FROM ($1::timestamptz - v.checked_at::timestamptz)) * 1000)::bigint AS age_ms
           FROM latest l
           JOIN checks c ON c.id = l.check_id
           JOIN check_versions v ON v.check_id = l.check_id AND v.n = l.n
         )
         SELECT aged.*, age_ms / ${DAY_MS} AS age_days,
           r.owner_pid, r.owner_host, r.heartbeat_at
         FROM aged LEFT JOIN check_runs r ON r.check_id = aged.id
         WHERE age_ms > $2::bigint
           AND (freshness_days IS NULL OR age_ms > freshness_days::bigint * ${DAY_MS})
         ORDER BY ${STALE_ORDER}
         LIMIT $3`,
        [now.toISOString(), Math.round(minAgeDays * DAY_MS), limit + (runs.rows[0]?.n ?? 0)],
      );
      const candidates = rows.map((row) =>
        staleCandidate({ check: checkOf(row), latest: summaryOf(row), views: row.views }, row),
      );
      return notRunning(candidates, limit, now, isAlive);
    },

    async countRefreshes(since) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM check_versions
         WHERE status = 'done' AND n > 1 AND checked_at >= $1::text`,
        [since.toISOString()],
      );
      return rows[0]?.n ?? 0;
    },

    async historyLooks() {
      const { rows } = await pool.query<{ key: string; value: string }>(
        "SELECT key, value FROM store_settings WHERE key = ANY($1::text[])",
        [[HISTORY_LOOK_KEYS.latest, HISTORY_LOOK_KEYS.previous]],
      );
      const value = (key: string) => rows.find((row) => row.key === key)?.value;
      const latest = value(HISTORY_LOOK_KEYS.latest);
      const previous = value(HISTORY_LOOK_KEYS.previous);
      return { ...(latest ? { latest } : {}), ...(previous ? { previous } : {}) };
    },

    async recordHistoryLook(at) {
      await inTransaction(pool, async (client) => {
        // Serialises two histories listed at once, so "previous" is always a real earlier look.
        await client.query(
          "SELECT pg_advisory_xact_lock(hashtextextended('factually-history-look', 0))",
        );
        await client.query(
          `INSERT INTO store_settings (key, value)
             SELECT $1, value FROM store_settings WHERE key = $2
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [HISTORY_LOOK_KEYS.previous, HISTORY_LOOK_KEYS.latest],
        );
        await client.query(
          `INSERT INTO store_settings (key, value) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [HISTORY_LOOK_KEYS.latest, at.toISOString()],
        );
      });
    },

    exportChecks: ({ after, limit }) => exportPgChecks(pool, after, limit),
    importChecks: (checks) => importPgChecks(pool, checks),
  };
}
